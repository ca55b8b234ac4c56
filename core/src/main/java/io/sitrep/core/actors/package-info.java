/**
 * Who is who: resolving names as reports write them to known actors, and the actors' relations
 * over time.
 *
 * <ul>
 *   <li>{@link io.sitrep.core.actors.ArabicNames}: the spelling rules that make "al-Kadhimi",
 *       "Al-Kazemi" and "الكاظمي" one name (ICU transliteration, then Sitrep's rules for Arabic and
 *       Persian romanisations).
 *   <li>{@link io.sitrep.core.actors.ActorIndex}: scored candidates for a written name, blocked by
 *       phonetic keys for speed; weak matches are proposed to an analyst, never merged.
 *   <li>{@link io.sitrep.core.actors.AliasLedger}: the audited, reversible log of aliases, merges and
 *       splits that analysts decide.
 *   <li>{@link io.sitrep.core.actors.ActorRelations}: typed, time-bounded relations from the actors'
 *       own records, from claims that name a relation, and from events (mediators, supporters).
 * </ul>
 */
@NullMarked
package io.sitrep.core.actors;

import org.jspecify.annotations.NullMarked;
