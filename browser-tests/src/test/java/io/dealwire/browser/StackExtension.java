package io.dealwire.browser;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives test classes the one {@link Stack} of the run: started and seeded by the first class that
 * asks, kept in the root store and closed by JUnit (it is {@link AutoCloseable}) when the run ends.
 * A failed start is remembered, so the other classes fail at once instead of starting it again.
 */
public final class StackExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(StackExtension.class);

    /** The start's failure, kept instead of the stack. */
    private record Failed(RuntimeException cause) {
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Stack.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Object started = context.getRoot().getStore(NAMESPACE).computeIfAbsent(Stack.class, key -> start(),
                Object.class);
        if (started instanceof Failed failed) {
            throw new IllegalStateException("the stack did not start", failed.cause());
        }
        return started;
    }

    private static Object start() {
        try {
            return Stack.startAndSeed();
        } catch (RuntimeException e) {
            return new Failed(e);
        }
    }
}
