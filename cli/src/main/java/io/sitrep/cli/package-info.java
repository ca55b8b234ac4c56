/** The {@code sitrep} command-line tool: importers, exporters and queries over a server. */
@NullMarked
package io.sitrep.cli;

import org.jspecify.annotations.NullMarked;
