import type { PrivacyContent } from './content';

// The notice required by GDPR art. 13; Law no. 190/2018 completes it in Romanian law.
export const privacyEn: PrivacyContent = {
  intro:
    'This notice explains which personal data Sector 6 City Hall processes when you send or track a petition on this portal, why, on what legal basis, and what your rights are, under Regulation (EU) 2016/679 (GDPR) and Law no. 190/2018.',
  updated: 'This notice applies to petitions sent through this portal.',
  sections: [
    {
      id: 'operator',
      title: 'Who processes the data',
      paragraphs: [
        'The controller is Sector 6 City Hall, Bucharest. Petitions are received and registered by the office that manages petitions (the registry) and handled by the competent departments or public services.',
      ],
    },
    {
      id: 'date',
      title: 'What data we process',
      paragraphs: ['We process only the data we need to answer you:'],
      items: [
        'your first and last name, or the name of the organisation;',
        'your e-mail address, mobile phone and postal address, if you give them;',
        'the text of the petition, the place it is about and the attached files;',
        'technical data of the submission (date and time, IP address), for security and to prevent abuse.',
      ],
    },
    {
      id: 'cnp',
      title: 'We do not ask for your CNP',
      paragraphs: [
        'The form does not ask for your personal numeric code (CNP). Please do not write it in the petition or the attached files, unless a special law requires it for your request.',
      ],
    },
    {
      id: 'scop',
      title: 'Why we process the data',
      paragraphs: ['We use the data to:'],
      items: [
        'register the petition and give you its registration number and tracking code;',
        'handle it and send you the answer, under Government Ordinance no. 27/2002 or, for public-interest information, Law no. 544/2001;',
        'send it to the competent institution when the matter is not for Sector 6 City Hall (GO 27/2002 art. 6¹);',
        'tell you by e-mail or text message how your petition is progressing;',
        'write the reports required by law, which contain figures only, no personal data;',
        'archive the documents, as the archives legislation requires.',
      ],
    },
    {
      id: 'temei',
      title: 'Legal basis',
      paragraphs: [
        'GDPR Article 6(1)(e): the processing is necessary for a task carried out in the public interest and in the exercise of the official authority vested in the City Hall (GO 27/2002, Law no. 544/2001). For archiving, GDPR Article 6(1)(c): compliance with a legal obligation.',
        'The box in the form confirms that you have read this notice; it is not consent, and the processing is not based on consent.',
      ],
    },
    {
      id: 'destinatari',
      title: 'Who sees the data',
      paragraphs: ['Only the people who need the data see it:'],
      items: [
        'the staff of the registry and of the department or public service that handles the petition; every read of your data is logged;',
        'call-center agents, only while you talk to them about your petition;',
        'the competent institution, if the petition is sent to it;',
        'the providers who help us technically (hosting, e-mail, text messages), under contract and only on our instructions;',
        'public authorities, when the law requires it.',
      ],
    },
    {
      id: 'public',
      title: 'What becomes public',
      paragraphs: [
        'On the tracking page, the status and the answer can be seen only with the registration number and the tracking code. Anything published (for example statistics or reported problems as open data) contains no personal data.',
      ],
    },
    {
      id: 'pastrare',
      title: 'How long we keep the data',
      paragraphs: [
        'Petitions are kept as long as the archive schedule of Sector 6 City Hall requires. After that, the personal data is anonymised; the petition stays on record without it.',
      ],
    },
    {
      id: 'drepturi',
      title: 'Your rights',
      paragraphs: ['Under the GDPR you have the right:'],
      items: [
        'of access to your data (Art. 15) and to receive a copy;',
        'to have inaccurate data rectified (Art. 16);',
        'to erasure (Art. 17), as far as the law allows us;',
        'to restriction of processing (Art. 18);',
        'to object (Art. 21);',
        'to complain to the National Supervisory Authority for Personal Data Processing (ANSPDCP).',
      ],
    },
    {
      id: 'contact',
      title: 'How to exercise your rights',
      paragraphs: [
        'Send a request to the data protection officer of Sector 6 City Hall, at the City Hall’s registry or through the contact details published on the City Hall’s official website. We answer within one month (GDPR Art. 12).',
      ],
    },
    {
      id: 'browser',
      title: 'What the portal keeps in your browser',
      paragraphs: [
        'The portal keeps in your browser only the language you chose and, until you close the tab, the confirmation of the petition you sent. We use no tracking or advertising cookies and take no decisions based solely on automated processing.',
      ],
    },
  ],
};
