package dev.warden.watch.detect;

import java.util.Objects;
import java.util.function.Function;

/**
 * A {@link DetectorProvider} made of a name and a factory: each detector's nested {@code Provider} (the class the
 * services file lists, which {@link java.util.ServiceLoader} builds with no arguments) extends it in three lines.
 */
public abstract class NamedProvider implements DetectorProvider {
    private final String name;
    private final Function<DetectorContext, Detector> factory;

    protected NamedProvider(String name, Function<DetectorContext, Detector> factory) {
        this.name = Objects.requireNonNull(name, "name");
        this.factory = Objects.requireNonNull(factory, "factory");
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final Detector create(DetectorContext context) {
        return factory.apply(context);
    }
}
