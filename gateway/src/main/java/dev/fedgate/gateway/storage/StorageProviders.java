package dev.fedgate.gateway.storage;

import java.util.ServiceLoader;
import java.util.TreeSet;

/** Finds a {@link StorageProvider} by kind among those registered with {@link ServiceLoader}. */
public final class StorageProviders {
  private StorageProviders() {}

  /**
   * The provider whose {@link StorageProvider#kind()} equals {@code kind}, loaded with this class's class loader.
   *
   * @throws IllegalArgumentException when no provider has that kind; the message lists the kinds that exist
   */
  public static StorageProvider find(String kind) {
    TreeSet<String> known = new TreeSet<>();
    ClassLoader loader = StorageProviders.class.getClassLoader();
    for (StorageProvider provider : ServiceLoader.load(StorageProvider.class, loader)) {
      if (provider.kind().equals(kind)) {
        return provider;
      }
      known.add(provider.kind());
    }
    throw new IllegalArgumentException("unknown storage kind '" + kind + "'; known kinds: " + String.join(", ", known));
  }
}
