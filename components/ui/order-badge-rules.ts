/**
 * Which status badges an order shows. The fulfilment status (derived from the
 * lines) often has the same name as the order's stage (ALLOCATED/Alocado,
 * BACKORDERED/Aguardando estoque…): showing both reads "Alocado · Pago ·
 * Alocado". The fulfilment badge is shown only when its label says something
 * the stage's label does not. Labels are compared as read (case and spaces
 * aside), so what counts is what the reader sees in their language. Pure.
 */

export function fulfillmentBadgeAddsInformation(orderStatusLabel: string, fulfillmentLabel: string): boolean {
  const norm = (s: string) => s.trim().replace(/\s+/g, " ").toLocaleLowerCase();
  return norm(orderStatusLabel) !== norm(fulfillmentLabel);
}
