import { existsSync, readFileSync } from 'node:fs';
import { resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { escapeHtml } from '../http/error-handler.ts';

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
@media (min-width:36em){.im-actions{flex-direction:row}.im-actions>*{flex:1}}
`;

// Referrer "same-origin" (not the site-wide "no-referrer"): with "no-referrer", Chrome sends `Origin: null` on the
// no-JavaScript decline form, which the CSRF check refuses. Nothing here links to another site, so nothing leaks.
function layout(input: { title: string; body: string; head?: string; end?: string }): string {
  return `<!doctype html>
<html lang="fr">
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
<footer><a href="/accessibilite">Accessibilité : partiellement conforme</a></footer>
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

export function questionnairePage(input: {
  publicId: string;
  audience: 'youth' | 'mentor';
  associationName: string;
  notice: { title: string; paragraphs: string[] };
  survey: unknown;
  draft: Record<string, unknown> | null;
}): string {
  const youth = input.audience === 'youth';
  const title = youth ? 'Ton avis sur ton mentorat' : 'Questionnaire de fin de mentorat';
  const resuming = input.draft !== null && Object.keys(input.draft).some((k) => !k.startsWith('__'));
  const assets = respondentAssets();
  const body = `<main id="contenu">
<div id="accueil">
<p class="im-asso">${escapeHtml(input.associationName)}</p>
<h1>${escapeHtml(title)}</h1>
${resuming ? `<p><strong>${youth ? 'Tu as déjà commencé : tes réponses sont gardées, tu reprends là où tu t’étais arrêté·e.' : 'Vous avez déjà commencé : vos réponses sont gardées, vous reprenez là où vous vous étiez arrêté·e.'}</strong></p>` : ''}
<h2>${escapeHtml(input.notice.title)}</h2>
${input.notice.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}
<noscript><p><strong>${youth ? 'Pour répondre, ton navigateur doit autoriser JavaScript.' : 'Pour répondre, votre navigateur doit autoriser JavaScript.'}</strong></p></noscript>
<div class="im-actions">
<a class="im-btn im-btn-primary" id="commencer" href="#questionnaire">${resuming ? 'Reprendre' : 'Commencer'}</a>
<form method="post" action="/r/${escapeHtml(input.publicId)}/refus"><button class="im-btn im-btn-secondary" type="submit">${youth ? 'Je ne veux pas répondre' : 'Je ne souhaite pas répondre'}</button></form>
</div>
<p class="im-note">${youth ? 'Pas de limite de temps. Tu peux revenir en arrière à tout moment.' : 'Aucune limite de temps. Vous pouvez revenir en arrière à tout moment.'}</p>
</div>
<div id="questionnaire" data-public-id="${escapeHtml(input.publicId)}" data-audience="${input.audience}"></div>
</main>`;
  return layout({
    title: `${title} — Impact Mentorat`,
    body,
    head: assets.head,
    end: `${jsonScript('im-donnees', { audience: input.audience, survey: input.survey, draft: input.draft })}\n${assets.end}`,
  });
}

export function messagePage(input: { title: string; paragraphs: string[]; forget?: boolean; extra?: string }): string {
  const body = `<main id="contenu"><h1>${escapeHtml(input.title)}</h1>${input.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('')}${input.extra ?? ''}</main>`;
  return layout({ title: `${input.title} — Impact Mentorat`, body, end: input.forget ? respondentAssets().forget : '' });
}

export const unavailablePage = () =>
  messagePage({
    title: 'Ce lien n’est pas disponible',
    paragraphs: [
      'Ce lien n’est pas ou plus valide : il a peut-être déjà servi pour répondre, ou il est trop ancien.',
      'Si tu n’as pas encore répondu et que tu veux le faire, demande un nouveau lien à l’association qui t’a accompagné·e.',
    ],
  });

export const alreadyAnsweredPage = (youth: boolean) =>
  messagePage({
    title: youth ? 'Tu as déjà répondu, merci !' : 'Vous avez déjà répondu, merci !',
    forget: true,
    paragraphs: [
      youth ? 'Tes réponses sont bien arrivées. On ne peut répondre qu’une seule fois.' : 'Vos réponses ont bien été envoyées. Ce questionnaire ne se remplit qu’une fois.',
      youth
        ? 'Elles sont mélangées avec celles des autres jeunes pour aider à améliorer le mentorat. Personne ne verra tes réponses avec ton nom.'
        : 'Elles sont regroupées avec celles des autres mentors pour évaluer le programme.',
      youth ? 'Tu n’as plus rien à faire : tu peux fermer cette page.' : 'Vous pouvez fermer cette page.',
    ],
  });

export const declinedPage = (youth: boolean) =>
  messagePage({
    title: 'C’est noté',
    forget: true,
    paragraphs: [
      youth ? 'Tu as choisi de ne pas répondre. Seul ce choix est enregistré, rien d’autre.' : 'Vous avez choisi de ne pas répondre. Seul ce choix est enregistré.',
      youth ? 'Merci, et bonne continuation !' : 'Merci pour votre engagement de mentor.',
    ],
  });

/** RGAA statement (model of the French accessibility statement: conformity, non-accessible content, how it was established, remedies). */
export const accessibilityPage = () =>
  layout({
    title: 'Déclaration d’accessibilité — Impact Mentorat',
    body: `<main id="contenu">
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
