package io.sitrep.server.service;

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
