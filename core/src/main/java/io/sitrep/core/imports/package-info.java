/**
 * Importers for the event data sets Sitrep meets in the field: ACLED (the 2023+ and the legacy CSV
 * formats), UCDP GED (CSV), GDELT 2.0 events and mentions (tab-separated) and PLOVER (JSON).
 *
 * <p>An {@link io.sitrep.core.imports.Importer} streams a file row by row (Jackson's CSV parser for
 * ACLED, UCDP and GDELT's tab-separated exports; a small streaming JSON reader for PLOVER), maps
 * each row to Sitrep's model and hands batches of resources to an {@link
 * io.sitrep.core.imports.ImportSink}: a {@link io.sitrep.core.store.SitrepStore}, or a server
 * through the client, on a writer thread while the next batch is read. Memory is bounded by two
 * batches (one being written, one being read) plus the names of the actors and sources already
 * emitted, never by the file.
 *
 * <p>Every row is accounted for: it is imported, or reported as an {@link
 * io.sitrep.core.imports.ImportProblem} with its file, line and reason (in strict mode the first
 * bad row stops the import). Resource names derive from the data set's own ids
 * ({@code events/acled-som49639}, {@code events/ucdp-114064}, {@code events/gdelt-410412347}), so
 * importing a file twice changes nothing; see {@link io.sitrep.core.imports.Importer} for how.
 */
@NullMarked
package io.sitrep.core.imports;

import org.jspecify.annotations.NullMarked;
