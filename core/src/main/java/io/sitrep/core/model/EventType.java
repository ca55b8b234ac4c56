package io.sitrep.core.model;

/**
 * The kind of event: the sixteen root categories of PLOVER (Political Language Ontology for
 * Verifiable Event Records, 2021) plus public statements (CAMEO root 01) and OTHER.
 */
public enum EventType {
  AGREE,
  CONSULT,
  SUPPORT,
  CONCEDE,
  COOPERATE,
  AID,
  RETREAT,
  REQUEST,
  ACCUSE,
  REJECT,
  THREATEN,
  PROTEST,
  SANCTION,
  MOBILIZE,
  COERCE,
  ASSAULT,
  STATEMENT,
  OTHER
}
