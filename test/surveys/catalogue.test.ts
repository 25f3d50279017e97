import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  CHAIN_LINK_LABELS,
  CHAIN_LINKS,
  DEFAULT_KEY_INDICATOR_IDS,
  DEFAULT_OPTIONAL_INDICATOR_IDS,
  QUESTION_BLOCKS,
  getIndicator,
  indicators,
  parseCatalogue,
  type IndicatorSource,
} from '../../surveys/index.ts';
import { blockQuestions } from './helpers.ts';

const DESIGN = '/work/shared/DESIGN.md';

// Used when DESIGN.md is not at hand, so the test still pins the 29 ids.
const FIXED_TABLE: { id: string; link: string; sources: string }[] = [
  ['ressources.etp', 'D'],
  ['ressources.binomes_par_etp', 'D + R'],
  ['ressources.financement', 'D'],
  ['ressources.couts_annexes', 'D'],
  ['ressources.outils', 'D'],
  ['activites.structures_contactees', 'D'],
  ['activites.structures_rencontrees', 'D'],
  ['activites.reunions_departement', 'D'],
  ['activites.sensibilisation', 'D'],
  ['activites.ateliers', 'D'],
  ['activites.projets_complementaires', 'D'],
  ['realisations.jeunes_accompagnes', 'R'],
  ['realisations.mentors_formes', 'R or D'],
  ['realisations.mentors_mobilises', 'R'],
  ['realisations.structures_mobilisees', 'R'],
  ['realisations.objectifs', 'R'],
  ['realisations.frequence', 'Y, M'],
  ['realisations.delai_mise_en_relation', 'R'],
  ['realisations.assiduite', 'M'],
  ['realisations.modalite', 'R (and Y, M)'],
  ['realisations.duree_moyenne', 'R'],
  ['realisations.evenements', 'D'],
  ['resultats.objectif_atteint', 'Y, M, R'],
  ['resultats.clotures', 'R'],
  ['resultats.abandons', 'R'],
  ['impact.confiance', 'Y'],
  ['impact.notes', 'Y'],
  ['impact.stage', 'Y'],
  ['impact.competences_psychosociales', 'Y'],
].map(([id, sources]) => ({ id: id!, link: id!.split('.')[0]!, sources: sources! }));

const LINK_BY_LABEL: Record<string, string> = {
  Ressources: 'ressources',
  Activités: 'activites',
  Réalisations: 'realisations',
  Résultats: 'resultats',
  Impact: 'impact',
};

function designTable(): { id: string; link: string; sources: string }[] {
  if (!existsSync(DESIGN)) return FIXED_TABLE;
  const rows = readFileSync(DESIGN, 'utf8')
    .split('\n')
    .filter((line) => /^\|\s*(ressources|activites|realisations|resultats|impact)\./.test(line))
    .map((line) => line.split('|').map((cell) => cell.trim()))
    .map((cells) => ({ id: cells[1]!, link: LINK_BY_LABEL[cells[2]!] ?? `?${cells[2]}`, sources: cells[4]! }));
  return rows;
}

const LETTER_SOURCE: Record<string, IndicatorSource> = {
  R: 'registre',
  D: 'declaration',
  Y: 'questionnaire_jeune',
  M: 'questionnaire_mentor',
};

// Indicators added after the design's table (issue 12: relationship quality), at their place in the chain.
const ADDED = [{ after: 'realisations.evenements', id: 'realisations.qualite_relation', link: 'realisations', sources: 'Y, M' }];
function withAdded(rows: { id: string; link: string; sources: string }[]) {
  const out = [...rows];
  for (const { after, ...row } of ADDED) out.splice(out.findIndex((r) => r.id === after) + 1, 0, row);
  return out;
}

describe('indicator catalogue', () => {
  const table = withAdded(designTable());

  it('has exactly the indicators of the design table, in its order', () => {
    expect(table).toHaveLength(30);
    expect(indicators.map((indicator) => indicator.id)).toEqual(table.map((row) => row.id));
  });

  it.each(table)('$id sits on the link of the design table and has its sources', ({ id, link, sources }) => {
    const indicator = getIndicator(id)!;
    expect(indicator).toBeDefined();
    expect(indicator.link).toBe(link);
    expect(id.startsWith(`${indicator.link}.`)).toBe(true);
    const expected = [...new Set(sources.match(/\b[RDYM]\b/g) ?? [])].map((letter) => LETTER_SOURCE[letter]).sort();
    expect([...indicator.sources].sort()).toEqual(expected);
  });

  it('gives every indicator exactly one link of the chain and French texts', () => {
    for (const indicator of indicators) {
      expect(CHAIN_LINKS.filter((link) => link === indicator.link)).toHaveLength(1);
      expect(indicator.label.length).toBeGreaterThan(3);
      expect(indicator.definition.length).toBeGreaterThan(10);
      expect(indicator.computation.length).toBeGreaterThan(10);
    }
    expect(CHAIN_LINKS.map((link) => CHAIN_LINK_LABELS[link])).toEqual([
      'Ressources',
      'Activités',
      'Réalisations',
      'Résultats',
      'Impact',
    ]);
  });

  it('starts a department with 4 to 5 of the seed principal indicators as key, the others selected as optional', () => {
    expect([...DEFAULT_KEY_INDICATOR_IDS].sort()).toEqual(['impact.confiance', 'impact.notes', 'realisations.jeunes_accompagnes', 'resultats.abandons', 'resultats.objectif_atteint']);
    expect([...DEFAULT_KEY_INDICATOR_IDS, ...DEFAULT_OPTIONAL_INDICATOR_IDS].sort()).toEqual(
      [
        'realisations.jeunes_accompagnes',
        'realisations.mentors_formes',
        'realisations.mentors_mobilises',
        'realisations.structures_mobilisees',
        'realisations.modalite',
        'realisations.duree_moyenne',
        'resultats.clotures',
        'resultats.abandons',
        'resultats.objectif_atteint',
        'impact.confiance',
        'impact.notes',
      ].sort(),
    );
  });

  it('returns undefined for an unknown id', () => {
    expect(getIndicator('impact.bonheur')).toBeUndefined();
  });

  it('rejects a malformed catalogue at parse time', () => {
    const copy = indicators.map((indicator) => ({ ...indicator, sources: [...indicator.sources], disaggregations: [...indicator.disaggregations] }));
    expect(() => parseCatalogue(copy)).not.toThrow();
    expect(() => parseCatalogue([...copy, copy[0]])).toThrow(/duplicate indicator id/);
    expect(() => parseCatalogue(copy.map((i, n) => (n === 0 ? { ...i, link: 'activites' } : i)))).toThrow(/prefix/);
    expect(() => parseCatalogue(copy.slice(1))).toThrow(/missing/);
    expect(() => parseCatalogue([...copy].reverse())).toThrow(/value-chain order/);
  });
});

describe('catalogue and question blocks agree', () => {
  const audienceSource = { youth: 'questionnaire_jeune', mentor: 'questionnaire_mentor' } as const;

  it('gives each questionnaire-sourced indicator one block per audience, and no other block', () => {
    for (const indicator of indicators) {
      for (const audience of ['youth', 'mentor'] as const) {
        const blocks = QUESTION_BLOCKS.filter((block) => block.indicatorId === indicator.id && block.audience === audience);
        expect(blocks, `${indicator.id} / ${audience}`).toHaveLength(indicator.sources.includes(audienceSource[audience]) ? 1 : 0);
      }
    }
  });

  it('names in each computation the questions that feed the indicator', () => {
    for (const { indicatorId, question } of blockQuestions()) {
      expect(question.indicator).toBe(indicatorId);
      expect(getIndicator(indicatorId)!.computation, indicatorId).toContain(question.name);
    }
  });
});
