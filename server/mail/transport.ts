import nodemailer from 'nodemailer';

export interface MailMessage {
  to: string[];
  subject: string;
  text: string;
}

/** The one thing the app needs from e-mail; tests and the "no SMTP" mode swap it, nothing else knows nodemailer. */
export interface MailTransport {
  send(message: MailMessage): Promise<void>;
  close(): void;
}

/**
 * SMTP through nodemailer when `SMTP_URL` is set (smtp://user:pass@host:587, smtps://… for implicit TLS);
 * null otherwise, and reminders are then only listed on the Reporting page.
 * The sender is `MAIL_FROM`, or a no-reply address on the public host.
 */
export function createMailTransport(config: { smtpUrl: string | undefined; publicUrl: string }, env: NodeJS.ProcessEnv = process.env): MailTransport | null {
  if (!config.smtpUrl) return null;
  const from = env.MAIL_FROM ?? `Impact Mentorat <ne-pas-repondre@${new URL(config.publicUrl).hostname}>`;
  // Bounded waits: an unreachable server must not hold the hourly reminder run forever.
  const transporter = nodemailer.createTransport({ url: config.smtpUrl, connectionTimeout: 15_000, greetingTimeout: 10_000, socketTimeout: 30_000 }, { from });
  return {
    async send(message) {
      await transporter.sendMail({ to: message.to, subject: message.subject, text: message.text });
    },
    close() {
      transporter.close();
    },
  };
}
