package io.openrma.portal;

import java.util.ArrayList;
import java.util.List;

import io.openrma.returns.ItemCondition;
import io.openrma.returns.ReturnReason;

/**
 * "Choose items" as posted: per order line (by its position in the order) the quantity, reason and reported
 * condition, and one comment for the return. A bean with setters, as Spring's form binding wants.
 */
public class ItemsForm {

  private List<LineForm> lines = new ArrayList<>();
  private String comment;
  /** The posted page showed the photo field: a customer who saw it and added none goes on without. */
  private boolean photosOffered;

  public List<LineForm> getLines() {
    return lines;
  }

  public void setLines(List<LineForm> lines) {
    this.lines = lines;
  }

  public String getComment() {
    return comment;
  }

  public void setComment(String comment) {
    this.comment = comment;
  }

  public boolean isPhotosOffered() {
    return photosOffered;
  }

  public void setPhotosOffered(boolean photosOffered) {
    this.photosOffered = photosOffered;
  }

  /** One order line's choice; quantity 0 or none: not returned. */
  public static class LineForm {
    private Integer quantity;
    private ReturnReason reason;
    private ItemCondition condition;

    public Integer getQuantity() {
      return quantity;
    }

    public void setQuantity(Integer quantity) {
      this.quantity = quantity;
    }

    public ReturnReason getReason() {
      return reason;
    }

    public void setReason(ReturnReason reason) {
      this.reason = reason;
    }

    public ItemCondition getCondition() {
      return condition;
    }

    public void setCondition(ItemCondition condition) {
      this.condition = condition;
    }
  }
}
