package io.dealwire.ingest.http;

import io.dealwire.contract.Deal;
import io.dealwire.problem.ProblemException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * 413 for a single deal over 256 KiB. The HTTP layer only knows one limit for all endpoints
 * ({@code quarkus.http.limits.max-body-size}, the batch's 8 MiB), so the smaller one is checked here:
 * on Content-Length when given, else on the bytes actually read (chunked bodies).
 */
@Provider
public class BodyLimitInterceptor implements ReaderInterceptor {

    /** PRODUCT.md: 256 KiB for one deal. */
    public static final int MAX_SINGLE_DEAL_BYTES = 256 * 1024;
    /** PRODUCT.md: 8 MiB for a batch; equal to quarkus.http.limits.max-body-size. */
    public static final int MAX_BATCH_BYTES = 8 * 1024 * 1024;

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        if (context.getType() != Deal.class) {
            return context.proceed();
        }
        String length = context.getHeaders().getFirst(HttpHeaders.CONTENT_LENGTH);
        if (length != null && length.matches("\\d{1,18}") && Long.parseLong(length) > MAX_SINGLE_DEAL_BYTES) {
            throw tooLarge();
        }
        InputStream body = context.getInputStream();
        byte[] bytes = body.readNBytes(MAX_SINGLE_DEAL_BYTES + 1);
        if (bytes.length > MAX_SINGLE_DEAL_BYTES) {
            throw tooLarge();
        }
        context.setInputStream(new ByteArrayInputStream(bytes));
        return context.proceed();
    }

    private static ProblemException tooLarge() {
        return new ProblemException(413, "a single deal may have at most 256 KiB; send larger sets through the batch endpoint");
    }
}
