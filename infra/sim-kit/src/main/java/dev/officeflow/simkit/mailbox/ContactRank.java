package dev.officeflow.simkit.mailbox;

/**
 * One contact in the generator's ground-truth closeness ranking.
 *
 * @param email the canonical address (the generator sometimes writes variant spellings)
 * @param score {@code mail + meetings}, see {@link Closeness}
 * @param sent recency-weighted messages the owner sent to the contact (To 1, Cc 0.5)
 * @param received recency-weighted messages the contact sent to the owner (To 1, Cc 0.5)
 * @param meetings meetings shared with the owner (not cancelled, not declined by the owner)
 * @param plantedRank the rank the generator planted (0 = closest); the first 20 are the inner
 *     circle
 */
public record ContactRank(
    String email,
    String displayName,
    double score,
    double sent,
    double received,
    int meetings,
    int plantedRank) {}
