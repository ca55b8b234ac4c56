package io.sitrep.server.service;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.FieldMask;
import com.google.protobuf.Message;
import io.sitrep.core.model.FieldViolation;
import io.sitrep.core.model.Resource;
import io.sitrep.core.model.ValidationException;
import io.sitrep.core.store.Filter;
import io.sitrep.core.store.Page;
import io.sitrep.core.store.PageRequest;
import io.sitrep.core.store.ResourceType;
import io.sitrep.core.store.SitrepStore;
import io.sitrep.core.store.StoreException;
import io.sitrep.core.store.Stored;
import io.sitrep.core.store.Version;
import io.sitrep.server.mapping.CommonMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The five standard methods (AIP-131 to 135) for one resource type, shared by the resource
 * services. Each write is one store call, so a refused request changes nothing. Failures are
 * core's exceptions with field paths relative to the request, ready for {@link Errors}.
 *
 * @param <P> the API message, e.g. {@code sitrep.v1.Source}
 * @param <C> core's model type, e.g. {@link io.sitrep.core.model.Source}
 */
final class ResourceMethods<P extends Message, C extends Resource> {
  /** An update without an etag is retried this often when a concurrent write gets in between. */
  private static final int UPDATE_ATTEMPTS = 5;

  private final SitrepStore store;
  private final ResourceType<C> type;
  private final P prototype;
  private final Function<P, C> toCore;
  private final Function<Stored<C>, P> toProto;
  private final FieldDescriptor nameField;
  private final FieldDescriptor etagField;

  ResourceMethods(SitrepStore store, ResourceType<C> type, P prototype, Function<P, C> toCore,
      Function<Stored<C>, P> toProto) {
    this.store = store;
    this.type = type;
    this.prototype = prototype;
    this.toCore = toCore;
    this.toProto = toProto;
    this.nameField = prototype.getDescriptorForType().findFieldByName("name");
    this.etagField = prototype.getDescriptorForType().findFieldByName("etag");
  }

  /** The request field holding the resource, e.g. {@code source}. */
  private String resourceField() {
    return type.singular();
  }

  P get(String name) {
    ResourceNames.check(name, type.collection(), "name");
    return toProto.apply(store.get(type, name).orElseThrow(() -> new StoreException.NotFound(name)));
  }

  /**
   * The resource as the store held it at {@code readTime} ("as known at T", AIP-162's read
   * time), or now when {@code readTime} is null. NOT_FOUND if it did not exist at that instant.
   */
  P get(String name, com.google.protobuf.@Nullable Timestamp readTime) {
    if (readTime == null) {
      return get(name);
    }
    ResourceNames.check(name, type.collection(), "name");
    Instant at = CommonMapper.toInstant(readTime, "read_time");
    return toProto.apply(store.getAsOf(type, name, at).orElseThrow(() -> new StoreException.NotFound(name)));
  }

  /** One revision of a resource, as {@code ListXRevisions} shows it; {@code value} is null for a tombstone. */
  record Revision<P extends Message>(long revision, Instant createTime, Version.Change change, String etag,
      String author, @Nullable P value) {

    /**
     * This revision written into {@code builder}, an {@code XRevision} message. The five resources'
     * revision messages share their fields by name (AIP-162) but no generated interface, so one
     * mapping sets them through the descriptor; the resource itself is the field of its own type.
     */
    <B extends Message.Builder> B writeTo(B builder) {
      Descriptor d = builder.getDescriptorForType();
      builder.setField(d.findFieldByName("revision_id"), Long.toString(revision))
          .setField(d.findFieldByName("revision_create_time"), CommonMapper.toProto(createTime))
          .setField(d.findFieldByName("change"), ResourceMethods.toProto(change).getValueDescriptor())
          .setField(d.findFieldByName("etag"), etag)
          .setField(d.findFieldByName("author"), author);
      if (value != null) {
        for (FieldDescriptor f : d.getFields()) {
          if (f.getJavaType() == FieldDescriptor.JavaType.MESSAGE
              && f.getMessageType().equals(value.getDescriptorForType())) {
            builder.setField(f, value);
          }
        }
      }
      return builder;
    }
  }

  /**
   * A page of the revisions of {@code name}, newest first (AIP-162), its deletions included.
   * NOT_FOUND if the name never existed. The token holds the last revision given, so revisions
   * written while paging (all newer) never shift the pages.
   */
  Page<Revision<P>> revisions(String name, int pageSize, String pageToken) {
    ResourceNames.check(name, type.collection(), "name");
    int size = new PageRequest(pageSize, "", Filter.ALL).pageSize();
    long before = revisionToken(pageToken, name);
    List<Version<C>> history = store.history(type, name);
    if (history.isEmpty()) {
      throw new StoreException.NotFound(name);
    }
    // Each value's create time is the start of its life: the last CREATED version at or before it.
    List<Revision<P>> oldestFirst = new ArrayList<>(history.size());
    Instant created = history.get(0).knownFrom();
    for (Version<C> v : history) {
      if (v.change() == Version.Change.CREATED) {
        created = v.knownFrom();
      }
      P value = v.value() == null ? null
          : toProto.apply(new Stored<>(v.value(), v.revision(), v.etag(), created, v.knownFrom()));
      oldestFirst.add(new Revision<>(v.revision(), v.knownFrom(), v.change(), v.etag(), v.author(), value));
    }
    List<Revision<P>> page = new ArrayList<>(size);
    for (int i = oldestFirst.size() - 1; i >= 0 && page.size() <= size; i--) {
      if (oldestFirst.get(i).revision() < before) {
        page.add(oldestFirst.get(i));
      }
    }
    if (page.size() > size) {
      page = page.subList(0, size);
      return new Page<>(List.copyOf(page), encodeRevisionToken(name, page.get(size - 1).revision()));
    }
    return new Page<>(List.copyOf(page), "");
  }

  static io.sitrep.api.v1.RevisionChange toProto(Version.Change change) {
    return switch (change) {
      case CREATED -> io.sitrep.api.v1.RevisionChange.REVISION_CHANGE_CREATED;
      case UPDATED -> io.sitrep.api.v1.RevisionChange.REVISION_CHANGE_UPDATED;
      case DELETED -> io.sitrep.api.v1.RevisionChange.REVISION_CHANGE_DELETED;
    };
  }

  private static String encodeRevisionToken(String name, long revision) {
    return Base64.getUrlEncoder().withoutPadding()
        .encodeToString(("rev\n" + name + "\n" + revision).getBytes(StandardCharsets.UTF_8));
  }

  /** The revision a page token says to continue below, or Long.MAX_VALUE for the first page. */
  private static long revisionToken(String token, String name) {
    if (token.isEmpty()) {
      return Long.MAX_VALUE;
    }
    try {
      String[] parts = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split("\n", -1);
      if (parts.length == 3 && parts[0].equals("rev") && parts[1].equals(name)) {
        return Long.parseLong(parts[2]);
      }
    } catch (IllegalArgumentException e) {
      // reported below: NumberFormatException and bad Base64 alike
    }
    throw ValidationException.of("page_token", "is not a page token of this listing's revisions");
  }

  Page<P> list(int pageSize, String pageToken, String filter) {
    PageRequest request = new PageRequest(pageSize, pageToken, Filter.parse(filter, type));
    Page<Stored<C>> page = store.list(type, request);
    return new Page<>(page.items().stream().map(toProto).toList(), page.nextPageToken());
  }

  /** Creates {@code resource} as {@code collection/id}, with a generated id when {@code id} is empty. */
  P create(@Nullable P resource, String id, String requestId) {
    if (resource == null) {
      throw ValidationException.of(resourceField(), "is required");
    }
    String name = type.collection() + "/" + (id.isEmpty() ? ResourceNames.generateId() : id);
    C value;
    try {
      value = toCore.apply(withName(resource, name));
    } catch (ValidationException e) {
      // The name is made of the id field; everything else is inside the resource.
      throw new ValidationException(e.violations().stream()
          .map(v -> v.field().equals("name") ? new FieldViolation(resourceField() + "_id", v.description())
              : v.under(resourceField()))
          .toList());
    }
    try {
      return toProto.apply(store.create(value, requestId));
    } catch (StoreException.ReferenceNotFound e) {
      throw Errors.under(resourceField(), e);
    }
  }

  /**
   * Updates the fields of {@code mask}. A non-empty etag in the resource must be the stored one;
   * without one, a write that got in between is read again and the mask applied anew, so fields
   * outside the mask are never overwritten with stale values.
   */
  P update(@Nullable P resource, @Nullable FieldMask mask) {
    if (resource == null) {
      throw ValidationException.of(resourceField(), "is required");
    }
    String name = (String) resource.getField(nameField);
    ResourceNames.check(name, type.collection(), resourceField() + ".name");
    FieldMask paths = UpdateMasks.effective(mask, prototype.getDescriptorForType());
    String etag = (String) resource.getField(etagField);
    for (int attempt = 1; ; attempt++) {
      Stored<C> current = store.get(type, name).orElseThrow(() -> new StoreException.NotFound(name));
      if (!etag.isEmpty() && !etag.equals(current.etag())) {
        throw new StoreException.EtagMismatch(name);
      }
      Message.Builder merged = toProto.apply(current).toBuilder();
      UpdateMasks.apply(paths, resource, merged);
      C value;
      try {
        value = toCore.apply(cast(merged.setField(nameField, name).build()));
      } catch (ValidationException e) {
        throw e.under(resourceField());
      }
      try {
        return toProto.apply(store.update(value, current.etag()));
      } catch (StoreException.ReferenceNotFound e) {
        throw Errors.under(resourceField(), e);
      } catch (StoreException.EtagMismatch e) {
        if (!etag.isEmpty() || attempt == UPDATE_ATTEMPTS) {
          throw e;
        }
      }
    }
  }

  void delete(String name, String etag) {
    ResourceNames.check(name, type.collection(), "name");
    store.delete(type, name, etag);
  }

  private P withName(P resource, String name) {
    return cast(resource.toBuilder().setField(nameField, name).build());
  }

  @SuppressWarnings("unchecked")
  private P cast(Message message) {
    return (P) message;
  }
}
