package io.sitrep.core.model;

/**
 * The Admiralty (NATO STANAG 2511) source-reliability grade that an analyst gives a source
 * before looking at the evidence.
 */
public enum Reliability {
  /** Completely reliable. */
  A,
  /** Usually reliable. */
  B,
  /** Fairly reliable. */
  C,
  /** Not usually reliable. */
  D,
  /** Unreliable. */
  E,
  /** Reliability cannot be judged. */
  F
}
