package io.sitrep.core.dispute;

/**
 * Two claims giving different values of one attribute at times that surely do not overlap: the
 * world changed between them, nobody contradicted anybody. {@code earlier} holds before
 * {@code later}.
 */
public record StateChange(PropositionKey key, Assertion earlier, Assertion later) {}
