package io.sitrep.core.model;

/** What kind of publisher a source is. */
public enum SourceKind {
  NEWS_OUTLET,
  SOCIAL_MEDIA_ACCOUNT,
  OFFICIAL_BODY,
  ARMED_GROUP_CHANNEL,
  ANALYST,
  ANONYMOUS_OFFICIAL,
  DOCUMENT,
  OTHER
}
