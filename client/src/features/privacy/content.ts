export type PrivacySection = { id: string; title: string; paragraphs: string[]; items?: string[] };
export type PrivacyContent = { intro: string; updated: string; sections: PrivacySection[] };
