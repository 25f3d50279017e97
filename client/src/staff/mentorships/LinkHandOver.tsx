import { useRef, useState } from 'react';
import './link-hand-over.css';

export interface IssuedLink {
  audience: 'youth' | 'mentor';
  url: string;
  expiresAt: string;
  qrCodeSvg: string;
}

const SENTENCE = {
  youth: 'Ce questionnaire te demande ton avis sur ton mentorat, en 5 minutes environ. Il est anonyme : ton nom n’est jamais demandé. Il existe aussi en français facile, en anglais, en arabe, en dari et en pachto.',
  mentor: 'Ce questionnaire vous demande votre avis sur le mentorat que vous venez de terminer, en quelques minutes. Il est anonyme : votre nom n’est jamais demandé.',
} as const;

const TITLE = { youth: 'Ton avis sur ton mentorat', mentor: 'Questionnaire de fin de mentorat' } as const;

/** The message the staff member's own phone or mail app opens with; the platform sends nothing and keeps no number. */
function message(link: IssuedLink): { subject: string; body: string } {
  const until = new Date(link.expiresAt).toLocaleDateString('fr-FR');
  return link.audience === 'youth'
    ? {
        subject: 'Ton avis sur ton mentorat',
        body: `Bonjour, voici le lien du questionnaire sur ton mentorat (5 minutes, anonyme, ton nom n’est pas demandé) : ${link.url} . Il marche une seule fois, jusqu’au ${until}. Merci !`,
      }
    : {
        subject: 'Questionnaire de fin de mentorat',
        body: `Bonjour, voici le lien du questionnaire de fin de mentorat (quelques minutes, anonyme) : ${link.url} . Il ne sert qu’une fois, jusqu’au ${until}. Merci pour votre engagement.`,
      };
}

/** The address without its scheme: what fits on a card and what a person types. */
const shortAddress = (url: string) => url.replace(/^https?:\/\//, '');

/**
 * Handing a questionnaire link over at the last meeting: a printable A6 card (QR code, address, one sentence on what it
 * is and that it is anonymous), "Envoyer par SMS" / "Envoyer par e-mail" (sms: and mailto: links that open the staff
 * member's own apps with a prefilled message: no gateway, nothing stored), and a copy button.
 */
export function LinkHandOver({ link }: { link: IssuedLink }) {
  const card = useRef<HTMLElement>(null);
  const [copied, setCopied] = useState<string | null>(null);
  const youth = link.audience === 'youth';
  const who = youth ? 'le jeune' : 'le mentor';
  const { subject, body } = message(link);

  const print = () => {
    // Only this card is printed (see .link-card-printing in registry.css), on an A6 page.
    card.current?.classList.add('link-card-printing');
    document.body.classList.add('printing-link-card');
    const done = () => {
      card.current?.classList.remove('link-card-printing');
      document.body.classList.remove('printing-link-card');
      window.removeEventListener('afterprint', done);
    };
    window.addEventListener('afterprint', done);
    window.print();
  };

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(link.url);
      setCopied('Lien copié.');
    } catch {
      setCopied('La copie a échoué : sélectionnez le lien ci-dessus et copiez-le.');
    }
  };

  return (
    <div className="link-hand-over">
      <article ref={card} className="link-card" aria-label={`Carte à remettre à ${who}`}>
        <h3>{TITLE[link.audience]}</h3>
        <img
          className="qr-code"
          src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(link.qrCodeSvg)}`}
          alt={youth ? 'QR code du lien pour le jeune' : 'QR code du lien pour le mentor'}
          width={180}
          height={180}
        />
        <p className="link-card-address">{shortAddress(link.url)}</p>
        <p>{SENTENCE[link.audience]}</p>
        <p className="link-card-until">Valable une fois, jusqu’au {new Date(link.expiresAt).toLocaleDateString('fr-FR')}.</p>
      </article>
      <div className="actions">
        <button type="button" className="secondary" onClick={print}>
          Imprimer la carte (A6)
        </button>
        <a className="button secondary" href={`sms:?&body=${encodeURIComponent(body)}`}>
          Envoyer par SMS
        </a>
        <a className="button secondary" href={`mailto:?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}`}>
          Envoyer par e-mail
        </a>
        <button type="button" className="secondary" onClick={() => void copy()}>
          Copier le lien
        </button>
      </div>
      <p role="status" className="hint">
        {copied ?? ''}
      </p>
    </div>
  );
}
