package io.openrma.returns;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** A return label's PDF, in a table of its own so that reading a return never carries it along. */
@Table("rma_label_pdf")
record LabelPdf(@Id long returnId, byte[] pdf) {
}
