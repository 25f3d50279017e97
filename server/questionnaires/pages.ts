import { existsSync, readFileSync } from 'node:fs';
import { resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { escapeHtml } from '../http/error-handler.ts';

export const CLIENT_DIST = process.env.IMPACT_CLIENT_DIST ?? resolve(dirname(fileURLToPath(import.meta.url)), '../../client/dist');

/** Critical CSS inlined in every respondent page so the text is readable before any other request returns. */
const CRITICAL_CSS = `
:root{color-scheme:light;--bleu:#000091;--texte:#161616;--fond:#f6f6f6}
*{box-sizing:border-box}
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;font-size:1.0625rem;line-height:1.5;color:var(--texte);background:#fff}
main{max-width:40rem;margin:0 auto;padding:1rem}
h1{font-size:1.5rem;line-height:1.25;margin:.5rem 0 1rem}
p,li{margin:.5rem 0}
.im-asso{color:#3a3a3a;margin:0}
.im-actions{display:flex;flex-direction:column;gap:.75rem;margin:1.5rem 0}
.im-btn{display:block;text-align:center;min-height:48px;padding:.75rem 1rem;border-radius:.25rem;font-size:1.0625rem;font-weight:600;text-decoration:none;border:2px solid var(--bleu);cursor:pointer;font-family:inherit}
.im-btn-primary{background:var(--bleu);color:#fff}
.im-btn-secondary{background:#fff;color:var(--bleu);width:100%}
.im-btn:focus-visible,a:focus-visible,button:focus-visible{outline:3px solid #0a76f6;outline-offset:2px}
footer{max-width:40rem;margin:2rem auto 1rem;padding:0 1rem;font-size:.9rem}
footer a{color:var(--bleu)}
[hidden]{display:none!important}
`;

function layout(input: { title: string; body: string; head?: string }): string {
  return `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<meta name="robots" content="noindex">
<title>${escapeHtml(input.title)}</title>
<style>${CRITICAL_CSS}</style>
${input.head ?? ''}
</head>
<body>
${input.body}
<footer><a href="/accessibilite">Accessibilité : partiellement conforme</a></footer>
</body>
</html>`;
}

let cachedAssets: { head: string } | null = null;
/** The questionnaire bundle's tags, read once from the built client (hashed names change at each build). */
function questionnaireAssets(): { head: string } {
  if (cachedAssets) return cachedAssets;
  const file = resolve(CLIENT_DIST, 'questionnaire.html');
  if (!existsSync(file)) return { head: '' };
  const html = readFileSync(file, 'utf8');
  const tags = html.match(/<(script|link)\b[^>]*>(<\/script>)?/g) ?? [];
  const head = tags
    .filter((t) => /src="\/assets\/|href="\/assets\//.test(t))
    .join('\n');
  cachedAssets = { head };
  return cachedAssets;
}

export function questionnairePage(input: {
  publicId: string;
  audience: 'youth' | 'mentor';
  associationName: string;
  notice: { title: string; paragraphs: string[] };
}): string {
  const youth = input.audience === 'youth';
  const title = youth ? 'Ton avis sur ton mentorat' : 'Questionnaire de fin de mentorat';
  const body = `<main id="contenu">
<div id="accueil">
<p class="im-asso">${escapeHtml(input.associationName)}</p>
<h1>${escapeHtml(title)}</h1>
<h2>${escapeHtml(input.notice.title)}</h2>
${input.notice.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}
<div class="im-actions">
<a class="im-btn im-btn-primary" id="commencer" href="#questionnaire">Commencer</a>
<form method="post" action="/r/${input.publicId}/refus"><button class="im-btn im-btn-secondary" type="submit">${youth ? 'Je ne veux pas répondre' : 'Je ne souhaite pas répondre'}</button></form>
</div>
</div>
<div id="questionnaire" data-public-id="${escapeHtml(input.publicId)}" data-audience="${input.audience}"></div>
</main>`;
  return layout({ title: `${title} — Impact Mentorat`, body, head: questionnaireAssets().head });
}

export function messagePage(input: { title: string; paragraphs: string[] }): string {
  const body = `<main id="contenu"><h1>${escapeHtml(input.title)}</h1>${input.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('')}</main>`;
  return layout({ title: `${input.title} — Impact Mentorat`, body });
}

export const unavailablePage = () =>
  messagePage({
    title: "Ce lien n’est pas disponible",
    paragraphs: [
      "Ce lien n’est pas ou plus valide. Il a peut-être déjà servi pour répondre, ou il a expiré.",
      "Si tu penses que c’est une erreur, demande un nouveau lien à l’association qui t’a accompagné·e.",
    ],
  });

export const alreadyAnsweredPage = (youth: boolean) =>
  messagePage({
    title: youth ? 'Tu as déjà répondu, merci !' : 'Vous avez déjà répondu, merci !',
    paragraphs: [
      youth ? 'Tes réponses ont bien été envoyées. Tu ne peux répondre qu’une seule fois.' : 'Vos réponses ont bien été envoyées. Ce questionnaire ne se remplit qu’une fois.',
      youth
        ? "Elles sont regroupées avec celles des autres jeunes pour aider à améliorer le mentorat. Personne ne verra tes réponses avec ton nom."
        : 'Elles sont regroupées avec celles des autres mentors pour évaluer le programme.',
    ],
  });

export const declinedPage = (youth: boolean) =>
  messagePage({
    title: youth ? 'C’est noté' : 'C’est noté',
    paragraphs: [
      youth ? 'Tu as choisi de ne pas répondre. Seul ce choix est enregistré, rien d’autre.' : 'Vous avez choisi de ne pas répondre. Seul ce choix est enregistré.',
      youth ? 'Merci, et bonne continuation !' : 'Merci pour votre engagement de mentor.',
    ],
  });

export const accessibilityPage = () =>
  messagePage({
    title: 'Déclaration d’accessibilité',
    paragraphs: [
      'Le département s’engage à rendre ses services numériques accessibles, conformément à l’article 47 de la loi n° 2005-102 du 11 février 2005.',
      'Cette déclaration s’applique aux questionnaires de fin de mentorat d’Impact Mentorat.',
      'État de conformité : partiellement conforme avec le référentiel général d’amélioration de l’accessibilité (RGAA) version 4.1. Les pages de questionnaire sont vérifiées automatiquement (axe-core, critères WCAG 2.1 A et AA) à chaque modification ; un audit complet reste à conduire.',
      'Si vous n’arrivez pas à accéder à un contenu, contactez l’association qui vous a envoyé le lien : elle vous proposera une autre façon de répondre.',
      'Voie de recours : si vous constatez un défaut d’accessibilité vous empêchant d’accéder à un contenu, et que vous n’obtenez pas de réponse, vous pouvez saisir le Défenseur des droits (defenseurdesdroits.fr).',
    ],
  });
