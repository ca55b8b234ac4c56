package io.sitrep.server.auth;

import io.sitrep.core.model.ValidationException;
import io.sitrep.core.store.Page;
import io.sitrep.core.store.StoreException;
import io.sitrep.server.StoreFactory;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code sitrep-server keys create|list|revoke}: manages API keys in the key store of a data
 * directory or store URL, without a running server (and safely beside one: SQLite in WAL mode, a
 * running server sees a change within {@link ApiKeys#CACHE_TTL}).
 */
@Command(name = "keys", mixinStandardHelpOptions = true,
    description = "Create, list and revoke API keys, without a running server.",
    subcommands = {KeysCommand.Create.class, KeysCommand.ListKeys.class, KeysCommand.Revoke.class})
public final class KeysCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Where the keys are: the server's own store flags. */
  static final class StoreOptions {
    @Option(names = "--data-dir", paramLabel = "DIR",
        description = "The server's data directory; the keys are in DIR/keys.db (default: ./sitrep-data).")
    @Nullable Path dataDir;

    @Option(names = "--store", paramLabel = "URL",
        description = "Instead of --data-dir, the server's --store: postgresql://..., jdbc:postgresql:..., sqlite:DIR.")
    @Nullable String store;
  }

  /** Runs {@code body} on the opened store; a clear message and exit code 2 if it cannot be opened. */
  abstract static class KeysSubcommand implements Callable<Integer> {
    @Mixin StoreOptions where;
    @Spec CommandSpec spec;

    abstract int run(ApiKeys keys, PrintWriter out);

    @Override
    public Integer call() {
      PrintWriter err = spec.commandLine().getErr();
      if (StoreFactory.MEMORY.equals(where.store)) {
        err.println("sitrep-server keys: --store memory keeps no keys; name the server's --data-dir or --store");
        return 2;
      }
      try (KeyStore store = KeyStores.open(where.store, where.dataDir)) {
        return run(new ApiKeys(store, Clock.systemUTC()), spec.commandLine().getOut());
      } catch (ValidationException | StoreException.NotFound e) {
        err.println("sitrep-server keys: " + e.getMessage());
        return 1;
      } catch (IllegalArgumentException | StoreException e) {
        err.println("sitrep-server keys: " + e.getMessage());
        return 2;
      }
    }
  }

  @Command(name = "create", mixinStandardHelpOptions = true,
      description = "Create a key and print its token, this once: only a salted hash of it is kept.")
  static final class Create extends KeysSubcommand {
    @Option(names = "--principal", required = true, paramLabel = "NAME",
        description = "Who calls with it; recorded as the author of its writes.")
    String principal;

    @Option(names = "--role", required = true, paramLabel = "ROLE",
        description = "reader (get, list, analyses), analyst (also create, update, ingest) or admin (also delete, keys).")
    String role;

    @Override
    int run(ApiKeys keys, PrintWriter out) {
      Principal.Role r;
      try {
        r = Principal.Role.valueOf(role.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw ValidationException.of("role", "must be reader, analyst or admin, not " + role);
      }
      ApiKeys.Issued issued = keys.create(principal, r);
      out.println("Created " + issued.key().name() + " for " + principal + " (" + role.toLowerCase(Locale.ROOT)
          + "). Its token, shown only this once:");
      out.println(issued.token());
      return 0;
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List every key, revoked ones included.")
  static final class ListKeys extends KeysSubcommand {
    @Override
    int run(ApiKeys keys, PrintWriter out) {
      out.printf("%-24s %-10s %-28s %-28s %s%n", "NAME", "ROLE", "CREATED", "REVOKED", "PRINCIPAL");
      String token = "";
      do {
        Page<ApiKey> page = keys.list(1000, token);
        for (ApiKey k : page.items()) {
          out.printf("%-24s %-10s %-28s %-28s %s%n", k.name(), k.role().name().toLowerCase(Locale.ROOT),
              k.createTime(), k.revoked() ? k.revokeTime() : "-", k.principal());
        }
        token = page.nextPageToken();
      } while (!token.isEmpty());
      return 0;
    }
  }

  @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revoke a key: calls with it are refused.")
  static final class Revoke extends KeysSubcommand {
    @Parameters(paramLabel = "ID", description = "The key's id or name (apiKeys/ID).")
    String id;

    @Override
    int run(ApiKeys keys, PrintWriter out) {
      String bare = id.startsWith(ApiKey.COLLECTION + "/") ? id.substring(ApiKey.COLLECTION.length() + 1) : id;
      ApiKey revoked = keys.revoke(bare);
      out.println("Revoked " + revoked.name() + " of " + revoked.principal() + " at " + revoked.revokeTime());
      return 0;
    }
  }
}
