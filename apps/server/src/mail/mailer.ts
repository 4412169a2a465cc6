import nodemailer from 'nodemailer';
import type { FastifyBaseLogger } from 'fastify';
import { SmtpError } from '@tessera/core';

export type Mail = { to: string; subject: string; text: string };
export type Mailer = { send(mail: Mail): Promise<void> };

/**
 * SMTP through nodemailer when SMTP_URL is set; otherwise mail is written to the log so a local
 * install still shows invite links and passcodes.
 */
export const createMailer = (smtpUrl: string | undefined, from: string, log: FastifyBaseLogger): Mailer => {
  if (smtpUrl === undefined) {
    return {
      async send(mail) {
        log.info({ mail }, `mail not sent (SMTP_URL is unset): ${mail.subject} → ${mail.to}`);
      },
    };
  }
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    async send(mail) {
      try {
        await transport.sendMail({ from, ...mail });
      } catch (error) {
        log.error({ err: error }, 'SMTP delivery failed');
        throw new SmtpError('The email could not be sent: check SMTP_URL or try again later');
      }
    },
  };
};
