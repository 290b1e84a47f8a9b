/**
 * The demo and test card flow: the card form never sends a card number anywhere; it maps the test
 * card numbers to the gateway's test payment methods (Stripe's `pm_card_*`, also understood by the
 * mock gateway), which POST /payments/{id}/confirmation takes.
 */
export interface TestCard {
  number: string
  label: string
  paymentMethod: string
  succeeds: boolean
}

export const TEST_CARDS: readonly TestCard[] = [
  { number: '4242 4242 4242 4242', label: 'Visa 测试卡（支付成功）', paymentMethod: 'pm_card_visa', succeeds: true },
  { number: '5555 5555 5555 4444', label: 'Mastercard 测试卡（支付成功）', paymentMethod: 'pm_card_mastercard', succeeds: true },
  { number: '4000 0000 0000 0002', label: '测试卡（发卡行拒绝）', paymentMethod: 'pm_card_chargeDeclined', succeeds: false },
  {
    number: '4000 0000 0000 9995',
    label: '测试卡（余额不足）',
    paymentMethod: 'pm_card_chargeDeclinedInsufficientFunds',
    succeeds: false,
  },
]

/** The test card typed (spaces and dashes ignored), or undefined for any other number. */
export function testCardFor(input: string): TestCard | undefined {
  const digits = input.replace(/[\s-]/g, '')
  return TEST_CARDS.find((c) => c.number.replace(/\s/g, '') === digits)
}

/** Groups digits in fours as a card number is printed: "4242424242424242" -> "4242 4242 4242 4242". */
export function formatCardNumber(input: string): string {
  return input
    .replace(/\D/g, '')
    .slice(0, 19)
    .replace(/(\d{4})(?=\d)/g, '$1 ')
}
