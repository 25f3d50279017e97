/** Age groups of the Cotech profiles (age at application), shared by the page and the protected source. */

export const AGE_GROUPS = ['Moins de 11 ans', '11 à 14 ans', '15 à 17 ans', '18 à 21 ans', '22 ans et plus', 'Âge non renseigné'] as const;

/** Whole years between a birth month (YYYY-MM) and a date, counting the birthday as the first of the month. */
export function ageAt(birthMonth: string | null, isoDate: string): number | null {
  if (!birthMonth || !/^\d{4}-\d{2}$/.test(birthMonth)) return null;
  const [by, bm] = birthMonth.split('-').map(Number) as [number, number];
  const [y, m] = isoDate.split('-').map(Number) as [number, number];
  const age = y - by - (m < bm ? 1 : 0);
  return age >= 0 && age < 120 ? age : null;
}

export function ageGroup(age: number | null): (typeof AGE_GROUPS)[number] {
  if (age === null) return 'Âge non renseigné';
  if (age < 11) return 'Moins de 11 ans';
  if (age <= 14) return '11 à 14 ans';
  if (age <= 17) return '15 à 17 ans';
  if (age <= 21) return '18 à 21 ans';
  return '22 ans et plus';
}

