package dev.officeflow.contacts.vip;

/**
 * A contact with its new score.
 *
 * @param created the contact did not exist before this write
 * @param previousBand the band it was in before
 */
public record ScoredContact(
    ContactAggregate contact, VipScore score, boolean created, ScoreBand previousBand) {

  /** A significant change: a new contact, or a move to another band. */
  public boolean significant() {
    return created || previousBand != score.band();
  }
}
