import { ConditionRunner, Model, type Question } from 'survey-core';
import { registerSurveyProperties } from './register.ts';

registerSurveyProperties();

export interface ValidationError {
  /** Question name the error is about, or null when it is about the submission as a whole. */
  question: string | null;
  message: string;
}

export type ValidationResult =
  | { ok: true; answers: Record<string, unknown> }
  | { ok: false; errors: ValidationError[] };

export interface ValidateOptions {
  /** A stable identity of the survey (e.g. its questionnaireHash) to reuse the compiled form across requests. */
  cacheKey?: string;
}

/** Cap for text answers whose question sets no maxLength: the server stores nothing unbounded. */
export const DEFAULT_TEXT_MAX_LENGTH = 2000;

type Kind =
  | { kind: 'single'; codes: readonly (string | number)[]; scale?: { min: number; max: number } }
  | { kind: 'multiple'; codes: readonly (string | number)[]; maxSelected: number }
  | { kind: 'boolean'; valueTrue: unknown; valueFalse: unknown }
  | { kind: 'number'; min?: number; max?: number }
  | { kind: 'text'; maxLength: number };

interface CompiledQuestion {
  name: string;
  check: Kind;
  /** visibleIf of the question and of every page/panel around it; all must hold. */
  conditions: ConditionRunner[];
  alwaysHidden: boolean;
  required: boolean;
  /** survey-core validators (regex, email, numeric…) declared in the JSON. */
  hasValidators: boolean;
}

interface CompiledSurvey {
  model: Model;
  questions: Map<string, CompiledQuestion>;
  conditional: CompiledQuestion[];
  required: CompiledQuestion[];
  withValidators: CompiledQuestion[];
}

const UNSUPPORTED = 'Type de question non pris en charge par la validation serveur';

/**
 * The survey-core Model is built once per survey: it normalizes the JSON (choice shorthands, rating
 * ranges, inherited maxLength) exactly as the client will. Per submission only plain checks and the
 * visibleIf expressions run, through survey-core's own ConditionRunner — setting `model.data` costs
 * hundreds of microseconds and is only paid when the JSON declares survey-core validators.
 */
function compile(survey: object): CompiledSurvey {
  const model = new Model(survey);
  const questions = new Map<string, CompiledQuestion>();
  for (const question of model.getAllQuestions(false, false, false) as Question[]) {
    const check = compileKind(question);
    if (check === null) continue;
    if (questions.has(question.name)) throw new Error(`Question en double dans le questionnaire : « ${question.name} ».`);
    const conditions: ConditionRunner[] = [];
    let alwaysHidden = false;
    for (let element: any = question; element; element = element.parent) {
      if (typeof element.visibleIf === 'string' && element.visibleIf.trim() !== '') {
        conditions.push(new ConditionRunner(element.visibleIf));
      } else if (element.visible === false) {
        // Only meaningful without visibleIf: the Model has already run conditions against empty data.
        alwaysHidden = true;
      }
    }
    questions.set(question.name, {
      name: question.name,
      check,
      conditions,
      alwaysHidden,
      required: question.isRequired,
      hasValidators: question.validators.length > 0,
    });
  }
  const all = [...questions.values()];
  return {
    model,
    questions,
    conditional: all.filter((q) => q.conditions.length > 0 || q.alwaysHidden),
    required: all.filter((q) => q.required),
    withValidators: all.filter((q) => q.hasValidators),
  };
}

function compileKind(question: Question): Kind | null {
  const q = question as any;
  switch (question.getType()) {
    case 'html':
    case 'image':
    case 'expression':
      return null; // no value to submit
    case 'radiogroup':
    case 'dropdown':
      if (q.showOtherItem) throw new Error(`${UNSUPPORTED} : choix « autre » avec commentaire (« ${question.name} »).`);
      return singleChoice(q.visibleChoices.map((item: { value: string | number }) => item.value));
    case 'checkbox':
    case 'tagbox':
      if (q.showOtherItem) throw new Error(`${UNSUPPORTED} : choix « autre » avec commentaire (« ${question.name} »).`);
      return {
        kind: 'multiple',
        // visibleChoices also holds "select all", which is never stored as a value.
        codes: q.visibleChoices
          .filter((item: unknown) => item !== q.selectAllItem)
          .map((item: { value: string | number }) => item.value),
        maxSelected: q.maxSelectedChoices > 0 ? q.maxSelectedChoices : Number.POSITIVE_INFINITY,
      };
    case 'rating':
      return singleChoice(q.visibleRateValues.map((item: { value: string | number }) => item.value));
    case 'boolean':
      return { kind: 'boolean', valueTrue: q.valueTrue ?? true, valueFalse: q.valueFalse ?? false };
    case 'text':
      if (q.inputType === 'number' || q.inputType === 'range') {
        const min = toNumber(q.min);
        const max = toNumber(q.max);
        return { kind: 'number', ...(min === undefined ? {} : { min }), ...(max === undefined ? {} : { max }) };
      }
      return { kind: 'text', maxLength: textMaxLength(q) };
    case 'comment':
      return { kind: 'text', maxLength: textMaxLength(q) };
    default:
      throw new Error(`${UNSUPPORTED} : « ${question.getType()} » (« ${question.name} »).`);
  }
}

// An all-numeric set of codes is a scale: a number outside it is reported as out of range.
function singleChoice(codes: (string | number)[]): Kind {
  const numeric = codes.filter((code): code is number => typeof code === 'number');
  return numeric.length === codes.length && codes.length > 0
    ? { kind: 'single', codes, scale: { min: Math.min(...numeric), max: Math.max(...numeric) } }
    : { kind: 'single', codes };
}

function toNumber(value: unknown): number | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const number = Number(value);
  return Number.isFinite(number) ? number : undefined;
}

function textMaxLength(q: { getMaxLength(): unknown }): number {
  const max = q.getMaxLength();
  return typeof max === 'number' && max > 0 ? max : DEFAULT_TEXT_MAX_LENGTH;
}

// Surveys are frozen once published, so a compiled form never goes stale; identity first (free),
// then the caller's key or the JSON text (a bounded map, for surveys re-read from the database).
const byObject = new WeakMap<object, CompiledSurvey>();
const byKey = new Map<string, CompiledSurvey>();
const MAX_KEYED = 64;

function compiled(survey: object, cacheKey?: string): CompiledSurvey {
  const hit = byObject.get(survey);
  if (hit) return hit;
  const key = cacheKey ?? JSON.stringify(survey);
  let result = byKey.get(key);
  if (!result) {
    result = compile(survey);
    if (byKey.size >= MAX_KEYED) byKey.delete(byKey.keys().next().value!);
    byKey.set(key, result);
  }
  byObject.set(survey, result);
  return result;
}

function show(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

function typeName(value: unknown): string {
  if (Array.isArray(value)) return 'une liste';
  if (value === null) return 'une valeur vide';
  switch (typeof value) {
    case 'string':
      return 'un texte';
    case 'number':
      return 'un nombre';
    case 'boolean':
      return 'vrai ou faux';
    default:
      return 'un objet';
  }
}

function expectedCodeType(codes: readonly (string | number)[]): 'string' | 'number' | 'mixed' {
  const types = new Set(codes.map((code) => typeof code));
  return types.size === 1 ? (types.has('number') ? 'number' : 'string') : 'mixed';
}

function checkCode(name: string, value: unknown, codes: readonly (string | number)[]): string | null {
  const expected = expectedCodeType(codes);
  if (typeof value !== 'string' && typeof value !== 'number') {
    return `La question « ${name} » attend ${expected === 'number' ? 'un nombre' : 'un code de réponse'}, pas ${typeName(value)}.`;
  }
  if (expected !== 'mixed' && typeof value !== expected) {
    return `La question « ${name} » attend ${expected === 'number' ? 'un nombre' : 'un texte'}, pas ${typeName(value)}.`;
  }
  if (!codes.includes(value)) {
    return `La réponse « ${show(value)} » n'est pas un choix proposé pour la question « ${name} ».`;
  }
  return null;
}

/** Returns an error message, or the value to keep (`undefined` = treated as skipped). */
function checkValue(question: CompiledQuestion, value: unknown): { error: string } | { value: unknown } {
  const { name, check } = question;
  switch (check.kind) {
    case 'single': {
      if (Array.isArray(value)) return { error: `La question « ${name} » attend une seule réponse, pas une liste.` };
      if (check.scale && typeof value === 'number' && (value < check.scale.min || value > check.scale.max)) {
        return {
          error: `La réponse ${value} est hors de l'échelle de la question « ${name} » (de ${check.scale.min} à ${check.scale.max}).`,
        };
      }
      const error = checkCode(name, value, check.codes);
      return error ? { error } : { value };
    }
    case 'multiple': {
      if (!Array.isArray(value)) return { error: `La question « ${name} » attend une liste de réponses, pas ${typeName(value)}.` };
      if (value.length === 0) return { value: undefined };
      if (value.length > check.codes.length) return { error: `Trop de réponses pour la question « ${name} ».` };
      if (value.length > check.maxSelected) {
        return { error: `La question « ${name} » accepte ${check.maxSelected} réponses au plus.` };
      }
      for (const item of value) {
        const error = checkCode(name, item, check.codes);
        if (error) return { error };
      }
      if (new Set(value).size !== value.length) return { error: `La question « ${name} » contient deux fois la même réponse.` };
      return { value: [...value] };
    }
    case 'boolean':
      if (value === check.valueTrue || value === check.valueFalse) return { value };
      return { error: `La question « ${name} » attend oui ou non (vrai ou faux), pas ${typeName(value)}.` };
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        return { error: `La question « ${name} » attend un nombre, pas ${typeName(value)}.` };
      }
      if ((check.min !== undefined && value < check.min) || (check.max !== undefined && value > check.max)) {
        const bounds =
          check.min !== undefined && check.max !== undefined
            ? `comprise entre ${check.min} et ${check.max}`
            : check.min !== undefined
              ? `supérieure ou égale à ${check.min}`
              : `inférieure ou égale à ${check.max}`;
        return { error: `La réponse ${value} à la question « ${name} » est hors limites : elle doit être ${bounds}.` };
      }
      return { value };
    case 'text':
      if (typeof value !== 'string') return { error: `La question « ${name} » attend un texte, pas ${typeName(value)}.` };
      if (value.length > check.maxLength) {
        return {
          error: `La réponse à la question « ${name} » est trop longue : ${value.length} caractères pour ${check.maxLength} au maximum.`,
        };
      }
      return { value: value.trim() === '' ? undefined : value };
  }
}

function isVisible(question: CompiledQuestion, values: Record<string, unknown>): boolean {
  if (question.alwaysHidden) return false;
  for (const condition of question.conditions) if (!condition.runValues(values)) return false;
  return true;
}

/**
 * Checks a submission against the questionnaire it answers. Absent keys (and null, "" or []) are
 * skipped questions and are fine. Answers to questions hidden by visibleIf are dropped rather than
 * rejected: the client may have kept a value the respondent then hid by changing an earlier answer,
 * and refusing the whole submission for it would lose the young person's answers; storing it would
 * count, say, a stop reason for a mentorship the respondent says did not stop.
 */
export function validateSubmission(survey: object, answers: unknown, options: ValidateOptions = {}): ValidationResult {
  const form = compiled(survey, options.cacheKey);
  if (typeof answers !== 'object' || answers === null || Array.isArray(answers)) {
    return {
      ok: false,
      errors: [{ question: null, message: 'Les réponses doivent être un objet qui associe chaque question à sa réponse.' }],
    };
  }
  const keys = Object.keys(answers);
  if (keys.length > form.questions.size) {
    return {
      ok: false,
      errors: [
        {
          question: null,
          message: `Trop de réponses : ${keys.length} reçues, alors que ce questionnaire compte ${form.questions.size} questions.`,
        },
      ],
    };
  }

  const errors: ValidationError[] = [];
  // A prototype-less bag: question names come from the survey, but nothing here should ever
  // reach Object.prototype, whatever the keys.
  const values: Record<string, unknown> = Object.create(null);
  for (const key of keys) {
    const question = form.questions.get(key);
    if (!question) {
      errors.push({ question: key, message: `La question « ${show(key)} » n'existe pas dans ce questionnaire.` });
      continue;
    }
    const raw = (answers as Record<string, unknown>)[key];
    if (raw === null || raw === undefined) continue;
    const result = checkValue(question, raw);
    if ('error' in result) errors.push({ question: key, message: result.error });
    else if (result.value !== undefined) values[key] = result.value;
  }
  if (errors.length > 0) return { ok: false, errors };

  // Dropping one answer can hide another question (a chain of visibleIf), hence the fixed point.
  for (let changed = true; changed; ) {
    changed = false;
    for (const question of form.conditional) {
      if (question.name in values && !isVisible(question, values)) {
        delete values[question.name];
        changed = true;
      }
    }
  }

  for (const question of form.required) {
    if (!(question.name in values) && isVisible(question, values)) {
      errors.push({ question: question.name, message: `La question « ${question.name} » est obligatoire.` });
    }
  }

  if (form.withValidators.length > 0) {
    form.model.data = { ...values };
    for (const question of form.withValidators) {
      if (!(question.name in values)) continue;
      const modelQuestion = form.model.getQuestionByName(question.name);
      if (modelQuestion && !modelQuestion.validate(true)) {
        for (const error of modelQuestion.errors) errors.push({ question: question.name, message: error.text });
      }
    }
    form.model.clear(true, true);
  }
  if (errors.length > 0) return { ok: false, errors };

  return { ok: true, answers: Object.fromEntries(Object.entries(values)) };
}
