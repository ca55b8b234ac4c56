/**
 * Interaction scoring and tension: how cooperative or conflictual each kind of event is, and how
 * tension between two actors (or two sides with their members) rises and falls day by day.
 *
 * <ul>
 *   <li>{@link io.sitrep.core.tension.InteractionScores}: Goldstein-scale scores derived from the
 *       official CAMEO, Goldstein and CAMEO→PLOVER tables shipped in this package's resources, and
 *       a documented ACLED crosswalk.
 *   <li>{@link io.sitrep.core.tension.TensionIndex}: events indexed by pair; a series spreads
 *       imprecise events over their interval, weights them, and decays them with a half-life.
 *   <li>{@link io.sitrep.core.tension.TensionSeries#turningPoints()}: escalations and
 *       de-escalations by a two-sided CUSUM (Page 1954).
 * </ul>
 */
@NullMarked
package io.sitrep.core.tension;

import org.jspecify.annotations.NullMarked;
