package io.sitrep.core.model;

/**
 * One thing a report quotes: another report, a named source, an unnamed official, a document.
 * Quotation chains are the first evidence that two reports are not independent.
 */
public record Quotation(QuotationKind kind, String report, String source, String description) {
  public Quotation {
    report = Place.nullToEmpty(report);
    source = Place.nullToEmpty(source);
    description = Place.nullToEmpty(description);
    Check.of()
        .notNull(kind, "kind")
        .optionalName(report, Report.COLLECTION, "report")
        .optionalName(source, Source.COLLECTION, "source")
        .require(kind != QuotationKind.REPORT || !report.isEmpty(), "report",
            "is required when kind is REPORT")
        .require(kind != QuotationKind.SOURCE || !source.isEmpty(), "source",
            "is required when kind is SOURCE")
        .shortText(description, "description")
        .done();
  }

  public static Quotation ofReport(String report) {
    return new Quotation(QuotationKind.REPORT, report, "", "");
  }
}
