import { useEffect, useId, useState } from 'react';

/**
 * "Écouter": reads the screen aloud with the phone's own speech synthesis (Web Speech API), in the chosen language.
 * Nothing is fetched and nothing leaves the phone. Voices depend on the phone: when it has none for the language,
 * the button says so instead of failing silently (or reading Arabic with a French voice).
 */
export interface ReadAloudText {
  listen: string;
  stopListening: string;
  noVoice: string;
}

type VoiceState = { kind: 'unknown' } | { kind: 'none' } | { kind: 'found'; voice: SpeechSynthesisVoice };

const synth = (): SpeechSynthesis | null => (typeof window !== 'undefined' && 'speechSynthesis' in window ? window.speechSynthesis : null);

/** Dari voices are usually tagged `fa-AF` (or `prs`); a Persian `fa` voice reads Dari text acceptably. */
function matches(voice: SpeechSynthesisVoice, lang: string): boolean {
  const tag = voice.lang.toLowerCase().replace('_', '-');
  const wanted = lang.toLowerCase();
  const primary = wanted.split('-')[0]!;
  return tag === wanted || tag.split('-')[0] === primary || (primary === 'fa' && tag.startsWith('prs'));
}

function findVoice(lang: string): VoiceState {
  const speech = synth();
  if (!speech) return { kind: 'none' };
  const voices = speech.getVoices();
  if (voices.length === 0) return { kind: 'unknown' };
  const exact = voices.find((v) => v.lang.toLowerCase() === lang.toLowerCase());
  const voice = exact ?? voices.find((v) => matches(v, lang));
  return voice ? { kind: 'found', voice } : { kind: 'none' };
}

/** Stops any reading in progress: called when the screen changes. */
export function stopReading(): void {
  synth()?.cancel();
}

export function ReadAloud({ lang, languageName, text, script }: { lang: string; languageName: string; text: ReadAloudText; script: () => string }) {
  const [voice, setVoice] = useState<VoiceState>(() => findVoice(lang));
  const [speaking, setSpeaking] = useState(false);
  const messageId = useId();

  useEffect(() => {
    const speech = synth();
    if (!speech) return;
    // Chrome lists its voices asynchronously: the first getVoices() is often empty.
    const update = () => setVoice(findVoice(lang));
    update();
    speech.addEventListener?.('voiceschanged', update);
    // Some phones never fire voiceschanged: after a while, an empty list means no voice.
    const timer = window.setTimeout(() => setVoice((current) => (current.kind === 'unknown' ? { kind: 'none' } : current)), 2000);
    return () => {
      speech.removeEventListener?.('voiceschanged', update);
      window.clearTimeout(timer);
    };
  }, [lang]);

  // Leaving the screen (unmount) stops the reading.
  useEffect(() => () => stopReading(), []);

  const noVoice = voice.kind === 'none';
  const toggle = () => {
    const speech = synth();
    if (!speech || voice.kind !== 'found') return;
    if (speaking) {
      speech.cancel();
      setSpeaking(false);
      return;
    }
    speech.cancel();
    const utterance = new SpeechSynthesisUtterance(script());
    utterance.lang = lang;
    utterance.voice = voice.voice;
    utterance.onend = () => setSpeaking(false);
    utterance.onerror = () => setSpeaking(false);
    setSpeaking(true);
    speech.speak(utterance);
  };

  return (
    <div className="im-lecture">
      <button
        type="button"
        className="im-ecouter"
        onClick={toggle}
        aria-pressed={speaking}
        aria-disabled={noVoice || undefined}
        aria-describedby={noVoice ? messageId : undefined}
      >
        <span aria-hidden="true">{speaking ? '■' : '▶'}</span>
        {speaking ? text.stopListening : text.listen}
      </button>
      {noVoice && (
        <p id={messageId} className="im-note">
          {text.noVoice.replace('{language}', languageName)}
        </p>
      )}
    </div>
  );
}
