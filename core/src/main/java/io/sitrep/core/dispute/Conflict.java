package io.sitrep.core.dispute;

/** Two claims that cannot both be true, why, and in words an analyst reads. */
public record Conflict(String claimA, String claimB, ConflictKind kind, String explanation) {

  static Conflict between(Assertion a, Assertion b, ConflictKind kind) {
    String when = a.validTime() == null || b.validTime() == null ? "at all times"
        : "for overlapping valid times";
    String why = switch (kind) {
      case DIFFERENT_VALUES -> a.claim() + " says " + a.key().attribute() + " is \"" + a.value() + "\" and "
          + b.claim() + " says \"" + b.value() + "\", " + when + "; " + a.key().attribute()
          + " has one value at a time";
      case ASSERTION_AND_DENIAL -> (a.stance() == io.sitrep.core.model.Stance.DENIES ? a : b).claim()
          + " denies what " + (a.stance() == io.sitrep.core.model.Stance.DENIES ? b : a).claim()
          + " asserts (" + a.key().attribute() + " \"" + a.value() + "\") " + when;
    };
    return new Conflict(a.claim(), b.claim(), kind, why);
  }
}
