package io.sitrep.client;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.protobuf.FieldMask;
import com.google.protobuf.Timestamp;
import io.sitrep.api.v1.ActorAnalysisServiceGrpc;
import io.sitrep.api.v1.ActorNetwork;
import io.sitrep.api.v1.ActorResolution;
import io.sitrep.api.v1.AssessClaimsRequest;
import io.sitrep.api.v1.ClaimAssessment;
import io.sitrep.api.v1.CreateHypothesisMatrixRequest;
import io.sitrep.api.v1.DeleteHypothesisMatrixRequest;
import io.sitrep.api.v1.Dispute;
import io.sitrep.api.v1.DisputeStatus;
import io.sitrep.api.v1.EpisodeMatch;
import io.sitrep.api.v1.FindSimilarEpisodesRequest;
import io.sitrep.api.v1.GetDisputeRequest;
import io.sitrep.api.v1.GetHypothesisMatrixRequest;
import io.sitrep.api.v1.GetNetworkRequest;
import io.sitrep.api.v1.GetSourceAssessmentRequest;
import io.sitrep.api.v1.GetTensionRequest;
import io.sitrep.api.v1.HypothesisMatrix;
import io.sitrep.api.v1.HypothesisScores;
import io.sitrep.api.v1.HypothesisServiceGrpc;
import io.sitrep.api.v1.ListDisputesRequest;
import io.sitrep.api.v1.ListHypothesisMatricesRequest;
import io.sitrep.api.v1.ListRelationsRequest;
import io.sitrep.api.v1.ListSourceDependenciesRequest;
import io.sitrep.api.v1.Relation;
import io.sitrep.api.v1.ResolveActorRequest;
import io.sitrep.api.v1.ScoreHypothesesRequest;
import io.sitrep.api.v1.SourceAssessment;
import io.sitrep.api.v1.SourceDependency;
import io.sitrep.api.v1.TensionSeries;
import io.sitrep.api.v1.UpdateHypothesisMatrixRequest;
import io.grpc.Channel;
import io.grpc.ChannelCredentials;
import io.grpc.ClientInterceptors;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.TlsChannelCredentials;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import io.sitrep.api.v1.Actor;
import io.sitrep.api.v1.ActorServiceGrpc;
import io.sitrep.api.v1.AnalysisServiceGrpc;
import io.sitrep.api.v1.Claim;
import io.sitrep.api.v1.ClaimServiceGrpc;
import io.sitrep.api.v1.CreateActorRequest;
import io.sitrep.api.v1.CreateClaimRequest;
import io.sitrep.api.v1.CreateEventRequest;
import io.sitrep.api.v1.CreateReportRequest;
import io.sitrep.api.v1.CreateSourceRequest;
import io.sitrep.api.v1.Dataset;
import io.sitrep.api.v1.DeleteActorRequest;
import io.sitrep.api.v1.DeleteClaimRequest;
import io.sitrep.api.v1.DeleteEventRequest;
import io.sitrep.api.v1.DeleteReportRequest;
import io.sitrep.api.v1.DeleteSourceRequest;
import io.sitrep.api.v1.Event;
import io.sitrep.api.v1.EventServiceGrpc;
import io.sitrep.api.v1.GetActorRequest;
import io.sitrep.api.v1.GetClaimRequest;
import io.sitrep.api.v1.GetEventRequest;
import io.sitrep.api.v1.GetReportRequest;
import io.sitrep.api.v1.GetSourceRequest;
import io.sitrep.api.v1.GetTimelineRequest;
import io.sitrep.api.v1.IngestRequest;
import io.sitrep.api.v1.IngestResponse;
import io.sitrep.api.v1.IngestServiceGrpc;
import io.sitrep.api.v1.ListActorsRequest;
import io.sitrep.api.v1.ListClaimsRequest;
import io.sitrep.api.v1.ListEventsRequest;
import io.sitrep.api.v1.ListReportsRequest;
import io.sitrep.api.v1.ListSourcesRequest;
import io.sitrep.api.v1.Report;
import io.sitrep.api.v1.ReportServiceGrpc;
import io.sitrep.api.v1.Source;
import io.sitrep.api.v1.SourceServiceGrpc;
import io.sitrep.api.v1.Timeline;
import io.sitrep.api.v1.UpdateActorRequest;
import io.sitrep.api.v1.UpdateClaimRequest;
import io.sitrep.api.v1.UpdateEventRequest;
import io.sitrep.api.v1.UpdateReportRequest;
import io.sitrep.api.v1.UpdateSourceRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * A typed client for a Sitrep server. Every call gets the default deadline unless the caller's
 * stub sets its own (streaming and async stubs over {@link #channel()} included); listings hide
 * paging; {@link #ingest} streams batches and waits for their acknowledgements. Over a channel it
 * owns, the client retries reads, analyses and writes that carry a request id when the server is
 * UNAVAILABLE, never updates and deletes (see {@code Retries}); it fills in empty request ids. Failures surface as the server's {@link StatusRuntimeException}, whose
 * {@code google.rpc.Status} details {@link io.grpc.protobuf.StatusProto#fromThrowable} reads.
 *
 * <pre>{@code
 * try (SitrepClient sitrep = SitrepClient.connect("localhost:50051")) {
 *   List<Source> outlets = sitrep.listSources("kind = SOURCE_KIND_NEWS_OUTLET");
 *   Timeline aah = sitrep.timelineOf("actors/asaib-ahl-al-haq", true);
 *   ActorResolution pm = sitrep.resolveActor("Kadhimi");
 * }
 * }</pre>
 *
 * <p>Thread-safe. Closing it shuts down the channel only if the client created it.
 */
public final class SitrepClient implements AutoCloseable {
  /** The deadline of a call that sets none. */
  public static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(30);
  /** Items per batch when {@link #ingest(Dataset)} is not told otherwise. */
  public static final int DEFAULT_BATCH_SIZE = 500;
  /** The largest answer the client takes. */
  static final int MAX_RESPONSE_BYTES = 64 * 1024 * 1024;
  /** A large page: fewer round trips when a listing is read whole. */
  private static final int PAGE_SIZE = 500;

  private final @Nullable ManagedChannel ownedChannel;
  private final Channel channel;

  private SitrepClient(@Nullable ManagedChannel ownedChannel, Channel channel, Duration deadline) {
    this.ownedChannel = ownedChannel;
    this.channel = ClientInterceptors.intercept(channel, new Retries.FillRequestIds(), new DefaultDeadline(deadline));
  }

  /** A client over a plaintext channel to {@code target} ({@code host:port}) that it owns. */
  public static SitrepClient connect(String target) {
    return builder().target(target).build();
  }

  /** A client over {@code channel}, which the caller keeps and closes. */
  public static SitrepClient over(Channel channel) {
    return builder().channel(channel).build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builds a client from a target or a channel, with a default deadline. */
  public static final class Builder {
    private @Nullable String target;
    private @Nullable Channel channel;
    private Duration deadline = DEFAULT_DEADLINE;
    private @Nullable BearerToken bearerToken;
    private boolean tls;
    private @Nullable Path trustCertificates;
    private @Nullable Path clientCertificate;
    private @Nullable Path clientKey;
    private @Nullable String authority;

    private Builder() {}

    /**
     * Sends {@code token} (an API key, {@code sitrep.<id>.<secret>}) as {@code authorization:
     * Bearer} on every call; in plaintext only to a loopback address, else the call fails
     * UNAUTHENTICATED without sending it (use TLS).
     */
    public Builder bearerToken(String token) {
      this.bearerToken = new BearerToken(checkNotNull(token, "token"));
      return this;
    }

    /** Connects with TLS, trusting the JDK's CAs (unless {@link #trustCertificates} names others). */
    public Builder tls() {
      this.tls = true;
      return this;
    }

    /** Connects with TLS, trusting the CAs in this PEM file (e.g. a private CA). */
    public Builder trustCertificates(Path caPem) {
      this.trustCertificates = checkNotNull(caPem);
      this.tls = true;
      return this;
    }

    /** Shows this client certificate (PEM chain and PKCS#8 key) to a server that asks for one (mTLS). */
    public Builder clientCertificate(Path certificatePem, Path privateKeyPem) {
      this.clientCertificate = checkNotNull(certificatePem);
      this.clientKey = checkNotNull(privateKeyPem);
      this.tls = true;
      return this;
    }

    /** The name the server's certificate must be valid for, when it is not the target's host. */
    public Builder overrideAuthority(String authority) {
      this.authority = checkNotNull(authority);
      return this;
    }

    private ChannelCredentials credentials() {
      if (!tls) {
        return InsecureChannelCredentials.create();
      }
      try {
        TlsChannelCredentials.Builder b = TlsChannelCredentials.newBuilder();
        if (trustCertificates != null) {
          b.trustManager(trustCertificates.toFile());
        }
        if (clientCertificate != null) {
          b.keyManager(clientCertificate.toFile(), clientKey.toFile());
        }
        return b.build();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the TLS files: " + e.getMessage(), e);
      }
    }

    private Channel withToken(Channel channel) {
      return bearerToken == null ? channel : ClientInterceptors.intercept(channel, bearerToken.interceptor());
    }

    /** Connects to {@code host:port}, in plaintext unless TLS is asked for; the client owns and closes the channel. */
    public Builder target(String target) {
      this.target = checkNotNull(target);
      return this;
    }

    /** Uses {@code channel}; the caller owns it. */
    public Builder channel(Channel channel) {
      this.channel = checkNotNull(channel);
      return this;
    }

    /** The deadline of every call that sets none; {@link #DEFAULT_DEADLINE} if not set. */
    public Builder defaultDeadline(Duration deadline) {
      checkArgument(!deadline.isNegative() && !deadline.isZero(), "deadline must be positive: %s", deadline);
      this.deadline = deadline;
      return this;
    }

    public SitrepClient build() {
      checkArgument((target == null) != (channel == null), "give exactly one of target or channel");
      if (channel != null) {
        return new SitrepClient(null, withToken(channel), deadline);
      }
      var channelBuilder = Grpc.newChannelBuilder(target, credentials())
          // Reads, analyses, and writes with request ids are retried on UNAVAILABLE (see Retries).
          .defaultServiceConfig(Retries.serviceConfig()).enableRetry()
          // A large assessment can exceed gRPC's default of 4 MiB.
          .maxInboundMessageSize(MAX_RESPONSE_BYTES);
      if (authority != null) {
        channelBuilder.overrideAuthority(authority);
      }
      ManagedChannel owned = channelBuilder.build();
      return new SitrepClient(owned, withToken(owned), deadline);
    }
  }

  // --- Raw stubs, for everything the typed methods leave out ---

  /** The channel every stub below uses, with the default deadline applied. */
  public Channel channel() {
    return channel;
  }

  public SourceServiceGrpc.SourceServiceBlockingStub sources() {
    return SourceServiceGrpc.newBlockingStub(channel);
  }

  public ReportServiceGrpc.ReportServiceBlockingStub reports() {
    return ReportServiceGrpc.newBlockingStub(channel);
  }

  public ActorServiceGrpc.ActorServiceBlockingStub actors() {
    return ActorServiceGrpc.newBlockingStub(channel);
  }

  public EventServiceGrpc.EventServiceBlockingStub events() {
    return EventServiceGrpc.newBlockingStub(channel);
  }

  public ClaimServiceGrpc.ClaimServiceBlockingStub claims() {
    return ClaimServiceGrpc.newBlockingStub(channel);
  }

  public AnalysisServiceGrpc.AnalysisServiceBlockingStub analysis() {
    return AnalysisServiceGrpc.newBlockingStub(channel);
  }

  public ActorAnalysisServiceGrpc.ActorAnalysisServiceBlockingStub actorAnalysis() {
    return ActorAnalysisServiceGrpc.newBlockingStub(channel);
  }

  public HypothesisServiceGrpc.HypothesisServiceBlockingStub hypotheses() {
    return HypothesisServiceGrpc.newBlockingStub(channel);
  }

  public IngestServiceGrpc.IngestServiceStub ingestStub() {
    return IngestServiceGrpc.newStub(channel);
  }

  // --- Sources ---

  /** Creates {@code source} as {@code sources/{sourceId}}; an empty id lets the server choose. */
  public Source createSource(Source source, String sourceId) {
    return sources().createSource(CreateSourceRequest.newBuilder().setSource(source).setSourceId(sourceId).build());
  }

  public Source getSource(String name) {
    return sources().getSource(GetSourceRequest.newBuilder().setName(name).build());
  }

  /** Every source that passes {@code filter} (empty: all), all pages read. */
  public List<Source> listSources(String filter) {
    return ImmutableList.copyOf(streamSources(filter).iterator());
  }

  /** The sources that pass {@code filter}, fetched a page at a time as the stream is read. */
  public Stream<Source> streamSources(String filter) {
    return Pages.stream(token -> {
      var page = sources().listSources(ListSourcesRequest.newBuilder()
          .setPageSize(PAGE_SIZE).setPageToken(token).setFilter(filter).build());
      return new Pages.Page<>(page.getSourcesList(), page.getNextPageToken());
    });
  }

  /**
   * Updates the {@code paths} of {@code source} (all writable fields when none are given). A
   * non-empty etag in {@code source} must still be the stored one.
   */
  public Source updateSource(Source source, String... paths) {
    UpdateSourceRequest.Builder request = UpdateSourceRequest.newBuilder().setSource(source);
    if (paths.length > 0) {
      request.setUpdateMask(mask(paths));
    }
    return sources().updateSource(request.build());
  }

  public void deleteSource(String name) {
    deleteSource(name, "");
  }

  /** Deletes {@code name} if {@code etag} (when non-empty) is still the stored one. */
  public void deleteSource(String name, String etag) {
    sources().deleteSource(DeleteSourceRequest.newBuilder().setName(name).setEtag(etag).build());
  }

  // --- Reports ---

  public Report createReport(Report report, String reportId) {
    return reports().createReport(CreateReportRequest.newBuilder().setReport(report).setReportId(reportId).build());
  }

  public Report getReport(String name) {
    return reports().getReport(GetReportRequest.newBuilder().setName(name).build());
  }

  public List<Report> listReports(String filter) {
    return ImmutableList.copyOf(streamReports(filter).iterator());
  }

  public Stream<Report> streamReports(String filter) {
    return Pages.stream(token -> {
      var page = reports().listReports(ListReportsRequest.newBuilder()
          .setPageSize(PAGE_SIZE).setPageToken(token).setFilter(filter).build());
      return new Pages.Page<>(page.getReportsList(), page.getNextPageToken());
    });
  }

  public Report updateReport(Report report, String... paths) {
    UpdateReportRequest.Builder request = UpdateReportRequest.newBuilder().setReport(report);
    if (paths.length > 0) {
      request.setUpdateMask(mask(paths));
    }
    return reports().updateReport(request.build());
  }

  public void deleteReport(String name) {
    deleteReport(name, "");
  }

  public void deleteReport(String name, String etag) {
    reports().deleteReport(DeleteReportRequest.newBuilder().setName(name).setEtag(etag).build());
  }

  // --- Actors ---

  public Actor createActor(Actor actor, String actorId) {
    return actors().createActor(CreateActorRequest.newBuilder().setActor(actor).setActorId(actorId).build());
  }

  public Actor getActor(String name) {
    return actors().getActor(GetActorRequest.newBuilder().setName(name).build());
  }

  public List<Actor> listActors(String filter) {
    return ImmutableList.copyOf(streamActors(filter).iterator());
  }

  public Stream<Actor> streamActors(String filter) {
    return Pages.stream(token -> {
      var page = actors().listActors(ListActorsRequest.newBuilder()
          .setPageSize(PAGE_SIZE).setPageToken(token).setFilter(filter).build());
      return new Pages.Page<>(page.getActorsList(), page.getNextPageToken());
    });
  }

  public Actor updateActor(Actor actor, String... paths) {
    UpdateActorRequest.Builder request = UpdateActorRequest.newBuilder().setActor(actor);
    if (paths.length > 0) {
      request.setUpdateMask(mask(paths));
    }
    return actors().updateActor(request.build());
  }

  public void deleteActor(String name) {
    deleteActor(name, "");
  }

  public void deleteActor(String name, String etag) {
    actors().deleteActor(DeleteActorRequest.newBuilder().setName(name).setEtag(etag).build());
  }

  // --- Events ---

  public Event createEvent(Event event, String eventId) {
    return events().createEvent(CreateEventRequest.newBuilder().setEvent(event).setEventId(eventId).build());
  }

  public Event getEvent(String name) {
    return events().getEvent(GetEventRequest.newBuilder().setName(name).build());
  }

  public List<Event> listEvents(String filter) {
    return ImmutableList.copyOf(streamEvents(filter).iterator());
  }

  public Stream<Event> streamEvents(String filter) {
    return Pages.stream(token -> {
      var page = events().listEvents(ListEventsRequest.newBuilder()
          .setPageSize(PAGE_SIZE).setPageToken(token).setFilter(filter).build());
      return new Pages.Page<>(page.getEventsList(), page.getNextPageToken());
    });
  }

  public Event updateEvent(Event event, String... paths) {
    UpdateEventRequest.Builder request = UpdateEventRequest.newBuilder().setEvent(event);
    if (paths.length > 0) {
      request.setUpdateMask(mask(paths));
    }
    return events().updateEvent(request.build());
  }

  public void deleteEvent(String name) {
    deleteEvent(name, "");
  }

  public void deleteEvent(String name, String etag) {
    events().deleteEvent(DeleteEventRequest.newBuilder().setName(name).setEtag(etag).build());
  }

  // --- Claims ---

  public Claim createClaim(Claim claim, String claimId) {
    return claims().createClaim(CreateClaimRequest.newBuilder().setClaim(claim).setClaimId(claimId).build());
  }

  public Claim getClaim(String name) {
    return claims().getClaim(GetClaimRequest.newBuilder().setName(name).build());
  }

  public List<Claim> listClaims(String filter) {
    return ImmutableList.copyOf(streamClaims(filter).iterator());
  }

  public Stream<Claim> streamClaims(String filter) {
    return Pages.stream(token -> {
      var page = claims().listClaims(ListClaimsRequest.newBuilder()
          .setPageSize(PAGE_SIZE).setPageToken(token).setFilter(filter).build());
      return new Pages.Page<>(page.getClaimsList(), page.getNextPageToken());
    });
  }

  public Claim updateClaim(Claim claim, String... paths) {
    UpdateClaimRequest.Builder request = UpdateClaimRequest.newBuilder().setClaim(claim);
    if (paths.length > 0) {
      request.setUpdateMask(mask(paths));
    }
    return claims().updateClaim(request.build());
  }

  public void deleteClaim(String name) {
    deleteClaim(name, "");
  }

  public void deleteClaim(String name, String etag) {
    claims().deleteClaim(DeleteClaimRequest.newBuilder().setName(name).setEtag(etag).build());
  }

  // --- Analysis ---

  public Timeline getTimeline(GetTimelineRequest request) {
    return analysis().getTimeline(request);
  }

  /** The timeline of {@code actor} (a name, display name or alias), with its members' events if asked. */
  public Timeline timelineOf(String actor, boolean includeMembers) {
    return getTimeline(GetTimelineRequest.newBuilder().setActor(actor).setIncludeMembers(includeMembers).build());
  }

  /** Every dispute, all pages read. */
  public List<Dispute> listDisputes() {
    return listDisputes(ListDisputesRequest.getDefaultInstance());
  }

  /**
   * The disputes on {@code subject} (an actor or event name, or words; empty for any) with
   * {@code status} (UNSPECIFIED for any) whose valid time may fall in {@code [from, to)} (null
   * bounds are open), all pages read.
   */
  public List<Dispute> listDisputes(String subject, DisputeStatus status, @Nullable Instant from,
      @Nullable Instant to) {
    ListDisputesRequest.Builder filters = ListDisputesRequest.newBuilder().setSubject(subject).setStatus(status);
    if (from != null) {
      filters.setStartTime(timestamp(from));
    }
    if (to != null) {
      filters.setEndTime(timestamp(to));
    }
    return listDisputes(filters.build());
  }

  /** The disputes that pass the filters of {@code filters} (its page fields are ignored), all pages read. */
  public List<Dispute> listDisputes(ListDisputesRequest filters) {
    return ImmutableList.copyOf(streamDisputes(filters).iterator());
  }

  /** The disputes that pass the filters of {@code filters}, a page at a time as the stream is read. */
  public Stream<Dispute> streamDisputes(ListDisputesRequest filters) {
    return Pages.stream(token -> {
      var page = analysis().listDisputes(filters.toBuilder().setPageSize(PAGE_SIZE).setPageToken(token).build());
      return new Pages.Page<>(page.getDisputesList(), page.getNextPageToken());
    });
  }

  public Dispute getDispute(String name) {
    return analysis().getDispute(GetDisputeRequest.newBuilder().setName(name).build());
  }

  /** Runs truth discovery as {@code request} asks; the server keeps it as the latest assessment. */
  public ClaimAssessment assessClaims(AssessClaimsRequest request) {
    return analysis().assessClaims(request);
  }

  /** The default algorithm over the claims on {@code subject} (empty: every claim). */
  public ClaimAssessment assessClaims(String subject) {
    return assessClaims(AssessClaimsRequest.newBuilder().setSubject(subject).build());
  }

  public SourceAssessment getSourceAssessment(String source) {
    return analysis().getSourceAssessment(GetSourceAssessmentRequest.newBuilder().setSource(source).build());
  }

  /** Every pair of sources that are not independent, most dependent first, all pages read. */
  public List<SourceDependency> listSourceDependencies() {
    return listSourceDependencies("", 0);
  }

  /**
   * The pairs that include {@code source} (empty: any) at least {@code minProbability}
   * dependent, most dependent first, all pages read.
   */
  public List<SourceDependency> listSourceDependencies(String source, double minProbability) {
    return ImmutableList.copyOf(streamSourceDependencies(source, minProbability).iterator());
  }

  public Stream<SourceDependency> streamSourceDependencies(String source, double minProbability) {
    return Pages.stream(token -> {
      var page = analysis().listSourceDependencies(ListSourceDependenciesRequest.newBuilder()
          .setPageSize(PAGE_SIZE).setPageToken(token).setSource(source).setMinProbability(minProbability).build());
      return new Pages.Page<>(page.getDependenciesList(), page.getNextPageToken());
    });
  }

  // --- Actor analysis ---

  /** Who {@code written} (a name as a report writes it, e.g. "Kadhimi") refers to, with the default options. */
  public ActorResolution resolveActor(String written) {
    return resolveActor(ResolveActorRequest.newBuilder().setName(written).build());
  }

  public ActorResolution resolveActor(ResolveActorRequest request) {
    return actorAnalysis().resolveActor(request);
  }

  /**
   * The relations that pass the filters of {@code filters} (subject, kind, object, time window;
   * its page fields are ignored), all pages read.
   */
  public List<Relation> listRelations(ListRelationsRequest filters) {
    return ImmutableList.copyOf(streamRelations(filters).iterator());
  }

  public Stream<Relation> streamRelations(ListRelationsRequest filters) {
    return Pages.stream(token -> {
      var page = actorAnalysis().listRelations(filters.toBuilder().setPageSize(PAGE_SIZE).setPageToken(token)
          .build());
      return new Pages.Page<>(page.getRelationsList(), page.getNextPageToken());
    });
  }

  public TensionSeries getTension(GetTensionRequest request) {
    return actorAnalysis().getTension(request);
  }

  /**
   * Daily tension between {@code a} and {@code b} (with their members if asked) over the days of
   * {@code zone} from the day of {@code from} to the day before {@code to}.
   */
  public TensionSeries tensionBetween(String a, String b, boolean includeMembers, Instant from, Instant to,
      ZoneId zone) {
    return getTension(GetTensionRequest.newBuilder().setActorA(a).setActorB(b).setIncludeMembers(includeMembers)
        .setStartTime(timestamp(from)).setEndTime(timestamp(to)).setTimeZone(zone.getId()).build());
  }

  /** The actor network at {@code at}. */
  public ActorNetwork getNetwork(Instant at) {
    return actorAnalysis().getNetwork(GetNetworkRequest.newBuilder().setTime(timestamp(at)).build());
  }

  /** The actor network now, by the server's clock. */
  public ActorNetwork getNetwork() {
    return actorAnalysis().getNetwork(GetNetworkRequest.getDefaultInstance());
  }

  /** The episodes most like {@code episode} (an event others are PART_OF), best first; 0 for the server's default count. */
  public List<EpisodeMatch> findSimilarEpisodes(String episode, int maxResults) {
    return actorAnalysis().findSimilarEpisodes(FindSimilarEpisodesRequest.newBuilder().setEpisode(episode)
        .setMaxResults(maxResults).build()).getMatchesList();
  }

  // --- Competing hypotheses ---

  /** Creates {@code matrix} as {@code hypothesisMatrices/{matrixId}}; an empty id lets the server choose. */
  public HypothesisMatrix createHypothesisMatrix(HypothesisMatrix matrix, String matrixId) {
    return createHypothesisMatrix(matrix, matrixId, "");
  }

  /** As {@link #createHypothesisMatrix(HypothesisMatrix, String)}; a retry with the same request id creates nothing more. */
  public HypothesisMatrix createHypothesisMatrix(HypothesisMatrix matrix, String matrixId, String requestId) {
    return hypotheses().createHypothesisMatrix(CreateHypothesisMatrixRequest.newBuilder().setHypothesisMatrix(matrix)
        .setHypothesisMatrixId(matrixId).setRequestId(requestId).build());
  }

  public HypothesisMatrix getHypothesisMatrix(String name) {
    return hypotheses().getHypothesisMatrix(GetHypothesisMatrixRequest.newBuilder().setName(name).build());
  }

  /** Every matrix, all pages read. */
  public List<HypothesisMatrix> listHypothesisMatrices() {
    return ImmutableList.copyOf(streamHypothesisMatrices().iterator());
  }

  public Stream<HypothesisMatrix> streamHypothesisMatrices() {
    return Pages.stream(token -> {
      var page = hypotheses().listHypothesisMatrices(ListHypothesisMatricesRequest.newBuilder()
          .setPageSize(PAGE_SIZE).setPageToken(token).build());
      return new Pages.Page<>(page.getHypothesisMatricesList(), page.getNextPageToken());
    });
  }

  /**
   * Updates the {@code paths} of {@code matrix} (all writable fields when none are given). A
   * non-empty etag in {@code matrix} must still be the stored one, or the call fails ABORTED.
   */
  public HypothesisMatrix updateHypothesisMatrix(HypothesisMatrix matrix, String... paths) {
    UpdateHypothesisMatrixRequest.Builder request = UpdateHypothesisMatrixRequest.newBuilder()
        .setHypothesisMatrix(matrix);
    if (paths.length > 0) {
      request.setUpdateMask(mask(paths));
    }
    return hypotheses().updateHypothesisMatrix(request.build());
  }

  public void deleteHypothesisMatrix(String name) {
    deleteHypothesisMatrix(name, "");
  }

  public void deleteHypothesisMatrix(String name, String etag) {
    hypotheses().deleteHypothesisMatrix(DeleteHypothesisMatrixRequest.newBuilder().setName(name).setEtag(etag)
        .build());
  }

  /** Scores {@code name}; with {@code useAssessment}, each row also weighs the belief truth discovery gives its claim. */
  public HypothesisScores scoreHypotheses(String name, boolean useAssessment) {
    return hypotheses().scoreHypotheses(ScoreHypothesesRequest.newBuilder().setName(name)
        .setUseAssessment(useAssessment).build());
  }

  // --- Ingest ---

  /** Ingests {@code dataset} in batches of about {@link #DEFAULT_BATCH_SIZE} items. */
  public List<IngestResponse> ingest(Dataset dataset) {
    return ingest(dataset, DEFAULT_BATCH_SIZE);
  }

  /**
   * Ingests {@code dataset} in batches of about {@code batchSize} items, ordered so that every
   * batch refers only to what earlier batches or itself hold (resources that refer to each other in
   * a cycle share a batch, which may then be larger). Request ids are fresh for this call.
   */
  public List<IngestResponse> ingest(Dataset dataset, int batchSize) {
    return ingest(DatasetBatches.split(dataset, batchSize, "ingest-" + UUID.randomUUID()));
  }

  /**
   * Streams {@code batches} on one Ingest call, as fast as the server takes them, and returns the
   * acknowledgements in order.
   *
   * @throws StatusRuntimeException the server's status if it refused a batch (the batches
   *     acknowledged before it stay stored), or the deadline's
   */
  public List<IngestResponse> ingest(Iterable<IngestRequest> batches) {
    IngestCall call = new IngestCall(batches.iterator());
    ingestStub().ingest(call);
    try {
      return call.done.get();
    } catch (InterruptedException e) {
      call.cancel("interrupted");
      Thread.currentThread().interrupt();
      throw Status.CANCELLED.withDescription("interrupted while ingesting").withCause(e).asRuntimeException();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof StatusRuntimeException s) {
        throw s;
      }
      throw Status.fromThrowable(e.getCause()).asRuntimeException();
    }
  }

  /** One Ingest stream: sends while the transport is ready, collects acknowledgements. */
  private static final class IngestCall implements ClientResponseObserver<IngestRequest, IngestResponse> {
    private final Iterator<IngestRequest> batches;
    private final List<IngestResponse> acks = new ArrayList<>();
    final CompletableFuture<List<IngestResponse>> done = new CompletableFuture<>();
    private @Nullable ClientCallStreamObserver<IngestRequest> requests;
    private boolean halfClosed;

    IngestCall(Iterator<IngestRequest> batches) {
      this.batches = batches;
    }

    @Override
    public void beforeStart(ClientCallStreamObserver<IngestRequest> requests) {
      this.requests = requests;
      requests.setOnReadyHandler(this::send);
    }

    private synchronized void send() {
      ClientCallStreamObserver<IngestRequest> out = checkNotNull(requests);
      try {
        while (!halfClosed && !done.isDone() && out.isReady()) {
          if (batches.hasNext()) {
            out.onNext(batches.next());
          } else {
            halfClosed = true;
            out.onCompleted();
          }
        }
      } catch (RuntimeException e) {
        // The caller's iterable failed: stop the call and report it.
        out.cancel("the batches could not be read", e);
        done.completeExceptionally(e);
      }
    }

    synchronized void cancel(String why) {
      if (requests != null) {
        requests.cancel(why, null);
      }
    }

    @Override
    public synchronized void onNext(IngestResponse ack) {
      acks.add(ack);
    }

    @Override
    public void onError(Throwable t) {
      done.completeExceptionally(t);
    }

    @Override
    public synchronized void onCompleted() {
      done.complete(ImmutableList.copyOf(acks));
    }
  }

  // --- history: revisions and "as known at T" reads (AIP-162) ---

  /** The source as Sitrep knew it at {@code readTime}; NOT_FOUND if it did not exist then. */
  public Source getSource(String name, Instant readTime) {
    return sources().getSource(io.sitrep.api.v1.GetSourceRequest.newBuilder().setName(name)
        .setReadTime(timestamp(readTime)).build());
  }

  /** Every revision of the source {@code name}, newest first, with who made each; all pages read. */
  public List<io.sitrep.api.v1.SourceRevision> listSourceRevisions(String name) {
    return ImmutableList.copyOf(Pages.stream(token -> {
      var page = sources().listSourceRevisions(io.sitrep.api.v1.ListSourceRevisionsRequest.newBuilder()
          .setName(name).setPageSize(PAGE_SIZE).setPageToken(token).build());
      return new Pages.Page<>(page.getSourceRevisionsList(), page.getNextPageToken());
    }).iterator());
  }

  /** The report as Sitrep knew it at {@code readTime}; NOT_FOUND if it did not exist then. */
  public Report getReport(String name, Instant readTime) {
    return reports().getReport(io.sitrep.api.v1.GetReportRequest.newBuilder().setName(name)
        .setReadTime(timestamp(readTime)).build());
  }

  /** Every revision of the report {@code name}, newest first, with who made each; all pages read. */
  public List<io.sitrep.api.v1.ReportRevision> listReportRevisions(String name) {
    return ImmutableList.copyOf(Pages.stream(token -> {
      var page = reports().listReportRevisions(io.sitrep.api.v1.ListReportRevisionsRequest.newBuilder()
          .setName(name).setPageSize(PAGE_SIZE).setPageToken(token).build());
      return new Pages.Page<>(page.getReportRevisionsList(), page.getNextPageToken());
    }).iterator());
  }

  /** The actor as Sitrep knew it at {@code readTime}; NOT_FOUND if it did not exist then. */
  public Actor getActor(String name, Instant readTime) {
    return actors().getActor(io.sitrep.api.v1.GetActorRequest.newBuilder().setName(name)
        .setReadTime(timestamp(readTime)).build());
  }

  /** Every revision of the actor {@code name}, newest first, with who made each; all pages read. */
  public List<io.sitrep.api.v1.ActorRevision> listActorRevisions(String name) {
    return ImmutableList.copyOf(Pages.stream(token -> {
      var page = actors().listActorRevisions(io.sitrep.api.v1.ListActorRevisionsRequest.newBuilder()
          .setName(name).setPageSize(PAGE_SIZE).setPageToken(token).build());
      return new Pages.Page<>(page.getActorRevisionsList(), page.getNextPageToken());
    }).iterator());
  }

  /** The event as Sitrep knew it at {@code readTime}; NOT_FOUND if it did not exist then. */
  public Event getEvent(String name, Instant readTime) {
    return events().getEvent(io.sitrep.api.v1.GetEventRequest.newBuilder().setName(name)
        .setReadTime(timestamp(readTime)).build());
  }

  /** Every revision of the event {@code name}, newest first, with who made each; all pages read. */
  public List<io.sitrep.api.v1.EventRevision> listEventRevisions(String name) {
    return ImmutableList.copyOf(Pages.stream(token -> {
      var page = events().listEventRevisions(io.sitrep.api.v1.ListEventRevisionsRequest.newBuilder()
          .setName(name).setPageSize(PAGE_SIZE).setPageToken(token).build());
      return new Pages.Page<>(page.getEventRevisionsList(), page.getNextPageToken());
    }).iterator());
  }

  /** The claim as Sitrep knew it at {@code readTime}; NOT_FOUND if it did not exist then. */
  public Claim getClaim(String name, Instant readTime) {
    return claims().getClaim(io.sitrep.api.v1.GetClaimRequest.newBuilder().setName(name)
        .setReadTime(timestamp(readTime)).build());
  }

  /** Every revision of the claim {@code name}, newest first, with who made each; all pages read. */
  public List<io.sitrep.api.v1.ClaimRevision> listClaimRevisions(String name) {
    return ImmutableList.copyOf(Pages.stream(token -> {
      var page = claims().listClaimRevisions(io.sitrep.api.v1.ListClaimRevisionsRequest.newBuilder()
          .setName(name).setPageSize(PAGE_SIZE).setPageToken(token).build());
      return new Pages.Page<>(page.getClaimRevisionsList(), page.getNextPageToken());
    }).iterator());
  }

  private static Timestamp timestamp(Instant instant) {
    return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
  }

  private static FieldMask mask(String... paths) {
    return FieldMask.newBuilder().addAllPaths(List.of(paths)).build();
  }

  /** Shuts down the channel if this client created it, waiting a few seconds for calls to finish. */
  @Override
  public void close() {
    if (ownedChannel == null) {
      return;
    }
    ownedChannel.shutdown();
    try {
      if (!ownedChannel.awaitTermination(5, TimeUnit.SECONDS)) {
        ownedChannel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      ownedChannel.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
