/** Order stages in which an order holds (or waits for) stock but has not started fulfilment. */
export const RESERVABLE_STATUSES: readonly string[] = ["RECEIVED", "PAYMENT_AUTHORIZED", "FRAUD_REVIEW", "APPROVED", "BACKORDERED"];
