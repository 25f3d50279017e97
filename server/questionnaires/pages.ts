import { existsSync, readFileSync } from 'node:fs';
import { resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { escapeHtml } from '../http/error-handler.ts';
import { LANGUAGE_INFO, type Language } from '../../surveys/languages.ts';
import { ACCESSIBILITY_TEXT, respondentText, type RespondentText } from '../../surveys/respondent-text.ts';
import { fill } from '../../surveys/fill.ts';
import { questionPreview, type QuestionPreview } from './question-preview.ts';

export const CLIENT_DIST = process.env.IMPACT_CLIENT_DIST ?? resolve(dirname(fileURLToPath(import.meta.url)), '../../client/dist');

/** Critical CSS inlined in every respondent page so the text is readable before any other request returns. */
const CRITICAL_CSS = `
:root{color-scheme:light;--bleu:#000091;--texte:#161616;--fond:#f6f6f6}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;font-size:1.0625rem;line-height:1.5;color:var(--texte);background:#fff;overflow-wrap:break-word}
main{max-width:40rem;margin:0 auto;padding:1rem}
h1{font-size:1.5rem;line-height:1.25;margin:.5rem 0 1rem}
h2{font-size:1.2rem;line-height:1.3;margin:1.25rem 0 .5rem}
p,li{margin:.5rem 0}
a{color:var(--bleu)}
.im-asso{color:#3a3a3a;margin:0}
.im-actions{display:flex;flex-direction:column;gap:.75rem;margin:1.5rem 0}
.im-btn{display:block;width:100%;text-align:center;min-height:48px;padding:.75rem 1rem;border-radius:.25rem;font-size:1.0625rem;font-weight:600;text-decoration:none;border:2px solid var(--bleu);cursor:pointer;font-family:inherit;line-height:1.3}
.im-btn-primary{background:var(--bleu);color:#fff}
.im-btn-secondary{background:#fff;color:var(--bleu)}
.im-btn:focus-visible,a:focus-visible,button:focus-visible,[tabindex="-1"]:focus-visible{outline:3px solid #0a76f6;outline-offset:2px}
.im-note{font-size:.95rem;color:#3a3a3a}
footer{max-width:40rem;margin:2rem auto 1rem;padding:0 1rem;font-size:.95rem}
footer a{display:inline-block;min-height:44px;padding:.6rem 0}
[hidden]{display:none!important}
.im-langues{margin:0 0 .5rem}
.im-langues ul{display:flex;flex-wrap:wrap;gap:.25rem .5rem;list-style:none;margin:0;padding:0}
.im-langues a{display:inline-block;min-height:44px;min-width:44px;padding:.6rem .5rem}
.im-langues a[aria-current]{font-weight:700;text-decoration:none}
.im-lecture{margin:.25rem 0 .75rem}
.im-lecture .im-note{margin:.25rem 0}
.im-ecouter{display:inline-flex;align-items:center;gap:.5rem;min-height:48px;padding:.5rem 1rem;border:2px solid var(--bleu);border-radius:.25rem;background:#fff;color:var(--bleu);font:inherit;font-weight:600;cursor:pointer}
.im-ecouter[aria-disabled="true"]{border-style:dashed;cursor:not-allowed}
@media (min-width:36em){.im-actions{flex-direction:row}.im-actions>*{flex:1}}
.im-apercu{display:none}
#questionnaire:target .im-apercu,.im-apercu.im-apercu-affiche{display:block}
main:has(#questionnaire:target) #accueil{display:none}
.im-step{display:flex;flex-direction:column;gap:.125rem;margin:.25rem 0 .5rem;font-size:1.25rem}
.im-step-count{font-size:.95rem;font-weight:400;color:#3a3a3a}
.im-progress{display:block;width:100%;height:.5rem;margin:0 0 1rem;accent-color:var(--bleu)}
.im-apercu fieldset{border:0;margin:0;padding:0;min-width:0}
.im-apercu legend,.im-apercu-titre{display:block;padding:0;margin:0 0 .75rem;font-weight:600;font-size:1.125rem}
.im-choix{display:flex;align-items:center;gap:.75rem;min-height:48px;margin:.5rem 0;padding:.625rem 1rem;border:1px solid #929292;border-radius:.25rem;cursor:pointer}
.im-choix input{flex:none;width:1.5rem;height:1.5rem;margin:0;accent-color:var(--bleu)}
.im-apercu textarea{display:block;width:100%;font:inherit;padding:.5rem;border:1px solid #929292;border-radius:.25rem}
`;

// Referrer "same-origin" (not the site-wide "no-referrer"): with "no-referrer", Chrome sends `Origin: null` on the
// no-JavaScript decline form, which the CSRF check refuses. Nothing here links to another site, so nothing leaks.
function layout(input: { title: string; body: string; head?: string; end?: string; language?: Language; footerHref?: string; footerText?: string }): string {
  const info = LANGUAGE_INFO[input.language ?? 'fr'];
  return `<!doctype html>
<html lang="${info.htmlLang}" dir="${info.dir}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="same-origin">
<meta name="robots" content="noindex">
<link rel="icon" href="data:,">
<title>${escapeHtml(input.title)}</title>
<style>${CRITICAL_CSS}</style>
${input.head ?? ''}
</head>
<body>
${input.body}
<footer><a href="${escapeHtml(input.footerHref ?? '/accessibilite')}">${escapeHtml(input.footerText ?? 'Accessibilité : partiellement conforme')}</a></footer>
${input.end ?? ''}
</body>
</html>`;
}

interface ManifestChunk {
  file: string;
  imports?: string[];
  css?: string[];
  isEntry?: boolean;
}

interface RespondentAssets {
  /** Module script and modulepreload links: fetched at once, executed after parsing, never blocking the text. */
  head: string;
  /** The questionnaire stylesheet, at the end of the body so that the welcome text paints before it arrives. */
  end: string;
  /** The tiny script that wipes the answers kept on the phone once they reached the server. */
  forget: string;
}

let cachedAssets: RespondentAssets | null = null;

/** The questionnaire bundle's files, read once from the build manifest (hashed names change at each build). */
export function respondentAssets(): RespondentAssets {
  if (cachedAssets) return cachedAssets;
  const file = resolve(CLIENT_DIST, '.vite/manifest.json');
  if (!existsSync(file)) return { head: '', end: '', forget: '' };
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as Record<string, ManifestChunk>;
  const entry = manifest['questionnaire.html'];
  const forget = manifest['src/questionnaire/forget.ts'];
  if (!entry) return { head: '', end: '', forget: '' };
  const preloads: string[] = [];
  // Shared chunks' stylesheets (SurveyJS) first, the entry's own (our overrides) last: the cascade order of the build.
  const css = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk || preloads.includes(chunk.file)) return;
    preloads.push(chunk.file);
    chunk.css?.forEach((c) => css.add(c));
    chunk.imports?.forEach(visit);
  };
  entry.imports?.forEach(visit);
  entry.css?.forEach((c) => css.add(c));
  cachedAssets = {
    head: [
      `<script type="module" crossorigin src="/${entry.file}"></script>`,
      ...preloads.map((f) => `<link rel="modulepreload" crossorigin href="/${f}">`),
    ].join('\n'),
    end: [...css].map((f) => `<link rel="stylesheet" crossorigin href="/${f}">`).join('\n'),
    forget: forget ? `<script type="module" crossorigin src="/${forget.file}"></script>` : '',
  };
  return cachedAssets;
}

/** JSON inside <script type="application/json">: never executed, so CSP allows it; `<` escaped so it cannot close the tag. */
const jsonScript = (id: string, value: unknown) =>
  `<script type="application/json" id="${id}">${JSON.stringify(value).replace(/</g, '\\u003c')}</script>`;

/** Links to the same page in each offered language, each name written in its own language and script. */
function languageNav(current: Language, offered: readonly Language[], href: (language: Language) => string, label: string): string {
  if (offered.length < 2) return '';
  const items = offered.map((code) => {
    const info = LANGUAGE_INFO[code];
    const currentAttr = code === current ? ' aria-current="true"' : '';
    return `<li><a href="${escapeHtml(href(code))}" lang="${info.htmlLang}" hreflang="${info.htmlLang}" dir="${info.dir}"${currentAttr}>${escapeHtml(info.nativeName)}</a></li>`;
  });
  return `<nav class="im-langues" aria-label="${escapeHtml(label)}"><ul>${items.join('')}</ul></nav>`;
}

const accessibilityHref = (language: Language) => (language === 'fr' ? '/accessibilite' : `/accessibilite?langue=${language}`);

function respondentLayout(input: { title: string; body: string; language: Language; text: RespondentText; head?: string; end?: string }): string {
  return layout({ ...input, footerHref: accessibilityHref(input.language), footerText: input.text.accessibilityLink });
}

export function questionnairePage(input: {
  publicId: string;
  audience: 'youth' | 'mentor';
  associationName: string;
  notice: { title: string; paragraphs: string[] };
  survey: unknown;
  draft: Record<string, unknown> | null;
  language?: Language;
  languages?: readonly Language[];
}): string {
  const language = input.language ?? 'fr';
  const languages = input.languages ?? ['fr'];
  const text = respondentText(input.audience, language);
  const title = text.appTitle;
  const resuming = input.draft !== null && Object.keys(input.draft).some((k) => !k.startsWith('__'));
  const assets = respondentAssets();
  const here = `/r/${input.publicId}`;
  const body = `<main id="contenu">
${languageNav(language, languages, (code) => `${here}?langue=${code}`, text.language)}
<div id="accueil">
<p class="im-asso">${escapeHtml(input.associationName)}</p>
<h1>${escapeHtml(title)}</h1>
<div id="im-lecture-accueil"></div>
${resuming ? `<p><strong>${escapeHtml(text.resuming)}</strong></p>` : ''}
<h2>${escapeHtml(input.notice.title)}</h2>
${input.notice.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}
<noscript><p><strong>${escapeHtml(text.noscript)}</strong></p></noscript>
<div class="im-actions">
<a class="im-btn im-btn-primary" id="commencer" href="#questionnaire">${escapeHtml(resuming ? text.resume : text.start)}</a>
<form method="post" action="${here}/refus"><button class="im-btn im-btn-secondary" type="submit">${escapeHtml(text.decline)}</button></form>
</div>
<p class="im-note">${escapeHtml(text.noTimeLimit)}</p>
</div>
<div id="questionnaire" data-public-id="${escapeHtml(input.publicId)}" data-audience="${input.audience}">${previewHtml(input.survey, input.draft, text)}</div>
</main>`;
  const languageList = languages.map((code) => ({ code, name: LANGUAGE_INFO[code].nativeName, lang: LANGUAGE_INFO[code].htmlLang, dir: LANGUAGE_INFO[code].dir }));
  return respondentLayout({
    title: `${title} — Impact Mentorat`,
    body,
    language,
    text,
    head: assets.head,
    end: `${jsonScript('im-donnees', { audience: input.audience, survey: input.survey, draft: input.draft, language, speechLang: LANGUAGE_INFO[language].htmlLang, languages: languageList, text })}\n${assets.end}`,
  });
}

/**
 * The question "Commencer" / "Reprendre" leads to, in plain HTML: on a slow phone it shows at once (the link targets
 * #questionnaire, and CSS shows the target), readable and answerable while the questionnaire's script still loads
 * or runs. The script reads the answer given here, then SurveyJS replaces the block (client/src/questionnaire).
 * Without JavaScript the welcome says the questionnaire needs it.
 */
function previewHtml(survey: unknown, draft: Record<string, unknown> | null, text: RespondentText): string {
  let preview: QuestionPreview | null = null;
  try {
    preview = survey && typeof survey === 'object' ? questionPreview(survey, draft) : null;
  } catch {
    // The preview only saves time: without it, the script shows the question as before.
    preview = null;
  }
  if (!preview) return '';
  const step = fill(text.step, { n: preview.index, total: preview.total });
  const description = preview.description ? `<p class="im-note">${escapeHtml(preview.description)}</p>` : '';
  let question: string;
  if (preview.kind === 'comment') {
    const value = typeof preview.value === 'string' ? preview.value : '';
    const maxLength = preview.maxLength ? ` maxlength="${preview.maxLength}"` : '';
    question = `<label class="im-apercu-titre" for="im-apercu-reponse">${escapeHtml(preview.title)}</label>${description}<textarea id="im-apercu-reponse" name="${escapeHtml(preview.name)}" rows="${preview.rows}"${maxLength}>${escapeHtml(value)}</textarea>`;
  } else {
    const type = preview.kind === 'checkbox' ? 'checkbox' : 'radio';
    const chosen = new Set((Array.isArray(preview.value) ? preview.value : preview.value === undefined ? [] : [preview.value]).map(String));
    const choices = preview.choices.map(
      (choice) =>
        `<label class="im-choix"><input type="${type}" name="${escapeHtml(preview.name)}" value="${escapeHtml(choice.value)}"${chosen.has(choice.value) ? ' checked' : ''}><span>${escapeHtml(choice.text)}</span></label>`,
    );
    question = `<fieldset><legend>${escapeHtml(preview.title)}</legend>${description}${choices.join('')}</fieldset>`;
  }
  return `<section class="im-apercu" id="im-apercu" data-question="${escapeHtml(preview.name)}" aria-labelledby="im-apercu-etape">
<h1 class="im-step" id="im-apercu-etape"><span class="im-step-theme">${escapeHtml(preview.theme)}</span><span class="im-step-count">${escapeHtml(step)}</span></h1>
<progress class="im-progress" max="${preview.total}" value="${preview.index}" aria-label="${escapeHtml(fill(text.progress, { step }))}"></progress>
${question}
<p class="im-note" role="status">${escapeHtml(text.loading)}</p>
<noscript><p><strong>${escapeHtml(text.noscript)}</strong></p></noscript>
</section>`;
}

export function messagePage(input: {
  title: string;
  paragraphs: string[];
  forget?: boolean;
  extra?: string;
  language?: Language;
  text?: RespondentText;
  /** Offered languages and the address of this page in each: the respondent can switch on every screen. */
  switcher?: { languages: readonly Language[]; href: (language: Language) => string };
}): string {
  const language = input.language ?? 'fr';
  const text = input.text ?? respondentText('youth', language);
  const nav = input.switcher ? languageNav(language, input.switcher.languages, input.switcher.href, text.language) : '';
  const body = `<main id="contenu">${nav}<h1>${escapeHtml(input.title)}</h1>${input.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('')}${input.extra ?? ''}</main>`;
  return respondentLayout({ title: `${input.title} — Impact Mentorat`, body, language, text, end: input.forget ? respondentAssets().forget : '' });
}

export const unavailablePage = (language: Language = 'fr') => {
  const text = respondentText('youth', language);
  return messagePage({ title: text.unavailableHeading, paragraphs: text.unavailableParagraphs, language, text });
};

interface EndPageInput {
  youth: boolean;
  language?: Language;
  publicId?: string;
  languages?: readonly Language[];
}

function endPage(input: EndPageInput, pick: (text: RespondentText) => { title: string; paragraphs: string[] }): string {
  const language = input.language ?? 'fr';
  const text = respondentText(input.youth ? 'youth' : 'mentor', language);
  const { publicId, languages } = input;
  return messagePage({
    ...pick(text),
    forget: true,
    language,
    text,
    ...(publicId && languages ? { switcher: { languages, href: (code: Language) => `/r/${publicId}?langue=${code}` } } : {}),
  });
}

export const alreadyAnsweredPage = (input: EndPageInput | boolean) =>
  endPage(typeof input === 'boolean' ? { youth: input } : input, (text) => ({ title: text.alreadyAnsweredTitle, paragraphs: text.alreadyAnsweredParagraphs }));

export const declinedPage = (input: EndPageInput | boolean) =>
  endPage(typeof input === 'boolean' ? { youth: input } : input, (text) => ({ title: text.declinedTitle, paragraphs: text.declinedParagraphs }));

/** The statement in another language: a faithful summary of the French one, which stays the reference. */
function translatedAccessibilityPage(language: Exclude<Language, 'fr'>): string {
  const a = ACCESSIBILITY_TEXT[language];
  const text = respondentText('youth', language);
  return respondentLayout({
    title: `${a.title} — Impact Mentorat`,
    language,
    text,
    body: `<main id="contenu">
${languageNav(language, Object.keys(LANGUAGE_INFO) as Language[], accessibilityHref, text.language)}
<h1>${escapeHtml(a.title)}</h1>
<p>${escapeHtml(a.intro)}</p>
<h2>${escapeHtml(a.statusTitle)}</h2>
<p>${escapeHtml(a.status)}</p>
<h2>${escapeHtml(a.issuesTitle)}</h2>
<ul>${a.issues.map((issue) => `<li>${escapeHtml(issue)}</li>`).join('')}</ul>
<h2>${escapeHtml(a.methodTitle)}</h2>
<p>${escapeHtml(a.method)}</p>
<h2>${escapeHtml(a.contactTitle)}</h2>
<p>${escapeHtml(a.contact)}</p>
<h2>${escapeHtml(a.remediesTitle)}</h2>
<p>${escapeHtml(a.remedies)}</p>
</main>`,
  });
}

/** RGAA statement (model of the French accessibility statement: conformity, non-accessible content, how it was established, remedies). */
export const accessibilityPage = (language: Language = 'fr') =>
  language !== 'fr'
    ? translatedAccessibilityPage(language)
    : layout({
    title: 'Déclaration d’accessibilité — Impact Mentorat',
    body: `<main id="contenu">
${languageNav('fr', Object.keys(LANGUAGE_INFO) as Language[], accessibilityHref, 'Langue')}
<h1>Déclaration d’accessibilité</h1>
<p>Le Département s’engage à rendre ses sites internet, intranet, extranet et ses progiciels accessibles, conformément à l’article 47 de la loi n° 2005-102 du 11 février 2005.</p>
<p>Cette déclaration d’accessibilité s’applique aux questionnaires de fin de mentorat d’Impact Mentorat (pages dont l’adresse commence par <code>/q/</code> ou <code>/r/</code>), remplis par les jeunes et les mentors.</p>
<h2>État de conformité</h2>
<p>Les questionnaires d’Impact Mentorat sont <strong>partiellement conformes</strong> avec le référentiel général d’amélioration de l’accessibilité (RGAA), version 4.1, en raison des non-conformités et des dérogations énumérées ci-dessous. Aucun audit complet n’a encore été réalisé : aucun taux de conformité n’est donc annoncé.</p>
<h2>Contenus non accessibles</h2>
<h3>Non-conformités connues</h3>
<ul>
<li>Le questionnaire nécessite JavaScript ; sans JavaScript, seuls l’accueil, la notice et le refus de répondre fonctionnent.</li>
<li>Le comportement avec les lecteurs d’écran n’a été vérifié qu’en partie ; un test manuel avec NVDA, VoiceOver et TalkBack reste à faire.</li>
</ul>
<h3>Dérogations pour charge disproportionnée</h3>
<p>Aucune.</p>
<h3>Contenus non soumis à l’obligation d’accessibilité</h3>
<p>Aucun.</p>
<h2>Établissement de cette déclaration</h2>
<p>Cette déclaration a été établie le 26 novembre 2026. Elle repose sur une auto-évaluation.</p>
<h3>Technologies utilisées</h3>
<ul><li>HTML5</li><li>CSS</li><li>JavaScript (React, SurveyJS)</li></ul>
<h3>Environnement de test</h3>
<p>Chromium sur téléphone simulé (320 et 390 pixels de large, portrait et paysage, zoom à 200 %).</p>
<h3>Outils pour évaluer l’accessibilité</h3>
<p>axe-core (critères WCAG 2.1 niveaux A et AA), vérifié automatiquement à chaque modification sur toutes les étapes du questionnaire : accueil, chaque question, envoi sans réseau, remerciement, lien déjà utilisé ou expiré, refus.</p>
<h3>Pages du site ayant fait l’objet de la vérification de conformité</h3>
<ul><li>Accueil du questionnaire</li><li>Chaque question</li><li>Page de remerciement</li><li>Page « lien indisponible »</li><li>Page « déjà répondu »</li><li>Page « refus enregistré »</li><li>Cette déclaration</li></ul>
<h2>Retour d’information et contact</h2>
<p>Si vous n’arrivez pas à accéder à un contenu ou à un service, contactez l’association qui vous a envoyé le lien (son contact figure sur la page d’accueil du questionnaire) : elle vous proposera une autre façon de répondre, par exemple par téléphone ou sur papier.</p>
<h2>Voies de recours</h2>
<p>Si vous constatez un défaut d’accessibilité vous empêchant d’accéder à un contenu ou à une fonctionnalité, que vous nous le signalez et que vous ne parvenez pas à obtenir une réponse de notre part, vous êtes en droit de faire parvenir vos doléances ou une demande de saisine au Défenseur des droits. Plusieurs moyens sont à votre disposition :</p>
<ul>
<li>écrire un message au Défenseur des droits (formulaire sur le site defenseurdesdroits.fr) ;</li>
<li>contacter le délégué du Défenseur des droits dans votre région ;</li>
<li>envoyer un courrier par la poste (gratuit, ne pas mettre de timbre) : Défenseur des droits, Libre réponse 71120, 75342 Paris CEDEX 07.</li>
</ul>
</main>`,
  });
