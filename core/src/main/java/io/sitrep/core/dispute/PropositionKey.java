package io.sitrep.core.dispute;

/** What a proposition is about: a subject and one of its attributes, both canonical. */
public record PropositionKey(String subject, String attribute) implements Comparable<PropositionKey> {
  /** The attribute a bare event claim is about: that the event happened as described. */
  public static final String OCCURRED = "occurred";

  @Override
  public int compareTo(PropositionKey o) {
    int c = subject.compareTo(o.subject);
    return c != 0 ? c : attribute.compareTo(o.attribute);
  }

  @Override
  public String toString() {
    return subject + " " + attribute;
  }
}
