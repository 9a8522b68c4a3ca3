/** Order stages in which an order holds (or waits for) stock but has not started fulfilment. */
export const RESERVABLE_STATUSES: readonly string[] = ["RECEIVED", "PAYMENT_AUTHORIZED", "FRAUD_REVIEW", "APPROVED", "BACKORDERED"];

/** Why units on hand cannot be sold (the UnavailableKind enum), in the order the screens list them. */
export const UNAVAILABLE_KINDS = ["DAMAGED", "QUARANTINE", "QC"] as const;
