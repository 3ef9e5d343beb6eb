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
 * 413 problem+json for a single deal over 256 KiB and any other body (a batch) over 8 MiB: on
 * Content-Length when given, else on the bytes actually read (chunked bodies). The HTTP layer knows
 * only one limit for all endpoints and answers it with an empty 413 and a closed connection, so
 * {@code quarkus.http.limits.max-body-size} is set above ours, as a backstop that bounds memory.
 */
@Provider
public class BodyLimitInterceptor implements ReaderInterceptor {

    /** PRODUCT.md: 256 KiB for one deal. */
    public static final int MAX_SINGLE_DEAL_BYTES = 256 * 1024;
    /** PRODUCT.md: 8 MiB for a batch. */
    public static final int MAX_BATCH_BYTES = 8 * 1024 * 1024;

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        boolean single = context.getType() == Deal.class;
        int limit = single ? MAX_SINGLE_DEAL_BYTES : MAX_BATCH_BYTES;
        String length = context.getHeaders().getFirst(HttpHeaders.CONTENT_LENGTH);
        if (length != null && isDecimal(length)) {
            if (Long.parseLong(length) > limit) {
                throw tooLarge(single);
            }
            // The HTTP framing ends the body at Content-Length: no need to copy it to count it
            return context.proceed();
        }
        InputStream body = context.getInputStream();
        byte[] bytes = body.readNBytes(limit + 1);
        if (bytes.length > limit) {
            throw tooLarge(single);
        }
        context.setInputStream(new ByteArrayInputStream(bytes));
        return context.proceed();
    }

    private static boolean isDecimal(String text) {
        if (text.isEmpty() || text.length() > 18) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static ProblemException tooLarge(boolean single) {
        return new ProblemException(413, single ? "a single deal may have at most 256 KiB"
                : "a batch may have at most 8 MiB; split it");
    }
}
