/**
 * Source dependence: which sources are not independent of which, and how much each claim
 * counts once that is known.
 *
 * <p>Evidence comes from the material itself (a report that quotes another report or a named
 * source; two reports resting on the same document; sources tied to the same actor) and from
 * statistics in the manner of Dong, Berti-Equille and Srivastava, "Integrating conflicting
 * data: the role of source dependence", VLDB 2009: two sources that share many <em>false</em>
 * values are likely copying, since independent sources rarely make the same mistake.
 */
@NullMarked
package io.sitrep.core.dependence;

import org.jspecify.annotations.NullMarked;
