/** `fill('Question {n} sur {total}', { n: 2, total: 9 })`: placeholders of surveys/respondent-text.ts. Unknown keys stay. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}
