import type { PrivacyContent } from './content';

// Nota de informare cerută de art. 13 GDPR; Legea nr. 190/2018 o completează în dreptul intern.
export const privacyRo: PrivacyContent = {
  intro:
    'Această notă explică ce date personale prelucrează Primăria Sectorului 6 când trimiteți sau urmăriți o petiție pe acest portal, de ce, pe ce temei și ce drepturi aveți, potrivit Regulamentului (UE) 2016/679 (GDPR) și Legii nr. 190/2018.',
  updated: 'Nota se aplică petițiilor trimise prin acest portal.',
  sections: [
    {
      id: 'operator',
      title: 'Cine prelucrează datele',
      paragraphs: [
        'Operatorul este Primăria Sectorului 6 a Municipiului București. Petițiile sunt primite și înregistrate de serviciul care gestionează petițiile (registratura) și soluționate de compartimentele sau serviciile publice competente.',
      ],
    },
    {
      id: 'date',
      title: 'Ce date prelucrăm',
      paragraphs: ['Prelucrăm doar datele de care avem nevoie pentru a vă răspunde:'],
      items: [
        'numele și prenumele sau denumirea organizației;',
        'adresa de e-mail, telefonul mobil și adresa poștală, dacă le completați;',
        'conținutul petiției, locul la care se referă și fișierele atașate;',
        'date tehnice ale trimiterii (data și ora, adresa IP), pentru securitate și pentru a preveni abuzurile.',
      ],
    },
    {
      id: 'cnp',
      title: 'Nu vă cerem CNP-ul',
      paragraphs: [
        'Formularul nu cere codul numeric personal. Vă rugăm să nu îl scrieți nici în textul petiției, nici în fișierele atașate, decât dacă o lege specială îl cere pentru cererea dumneavoastră.',
      ],
    },
    {
      id: 'scop',
      title: 'De ce prelucrăm datele',
      paragraphs: ['Folosim datele ca să:'],
      items: [
        'înregistrăm petiția și să vă dăm numărul de înregistrare și codul de urmărire;',
        'o soluționăm și să vă comunicăm răspunsul, potrivit Ordonanței Guvernului nr. 27/2002 sau, pentru informațiile de interes public, Legii nr. 544/2001;',
        'o trimitem instituției competente, când problema nu ține de Primăria Sectorului 6 (OG 27/2002 art. 6¹);',
        'vă anunțăm prin e-mail sau SMS despre stadiul petiției;',
        'întocmim rapoartele prevăzute de lege, care conțin doar cifre, fără date personale;',
        'arhivăm documentele, cum cere legislația privind arhivele.',
      ],
    },
    {
      id: 'temei',
      title: 'Temeiul legal',
      paragraphs: [
        'Art. 6 alin. (1) lit. e) GDPR: prelucrarea este necesară pentru îndeplinirea unei sarcini de interes public și pentru exercitarea autorității publice cu care este învestită Primăria (OG 27/2002, Legea nr. 544/2001). Pentru arhivare, art. 6 alin. (1) lit. c) GDPR: îndeplinirea unei obligații legale.',
        'Bifa din formular confirmă că ați citit această notă; nu este un consimțământ, iar prelucrarea nu se bazează pe consimțământ.',
      ],
    },
    {
      id: 'destinatari',
      title: 'Cine vede datele',
      paragraphs: ['Datele sunt văzute numai de cei care au nevoie de ele:'],
      items: [
        'personalul registraturii și al compartimentului sau serviciului public care soluționează petiția; fiecare consultare a datelor dumneavoastră este înregistrată;',
        'operatorii centrului de apel, doar când vorbiți cu ei despre petiția dumneavoastră;',
        'instituția competentă, dacă petiția îi este trimisă;',
        'furnizorii care ne ajută tehnic (găzduire, e-mail, SMS), pe bază de contract și numai după instrucțiunile noastre;',
        'autoritățile publice, atunci când legea ne obligă.',
      ],
    },
    {
      id: 'public',
      title: 'Ce devine public',
      paragraphs: [
        'Pe pagina de urmărire, stadiul și răspunsul se văd doar cu numărul de înregistrare și codul de urmărire. Orice informație publicată (de exemplu statistici sau problemele semnalate, în format de date deschise) nu conține date personale.',
      ],
    },
    {
      id: 'pastrare',
      title: 'Cât timp păstrăm datele',
      paragraphs: [
        'Petițiile se păstrează cât prevede nomenclatorul arhivistic al Primăriei Sectorului 6. După acest termen, datele personale sunt anonimizate; petiția rămâne în evidență fără ele.',
      ],
    },
    {
      id: 'drepturi',
      title: 'Drepturile dumneavoastră',
      paragraphs: ['În condițiile GDPR aveți dreptul:'],
      items: [
        'de acces la date (art. 15) și de a primi o copie a lor;',
        'la rectificarea datelor inexacte (art. 16);',
        'la ștergerea datelor (art. 17), în limitele în care legea ne permite;',
        'la restricționarea prelucrării (art. 18);',
        'de opoziție (art. 21);',
        'de a depune plângere la Autoritatea Națională de Supraveghere a Prelucrării Datelor cu Caracter Personal (ANSPDCP).',
      ],
    },
    {
      id: 'contact',
      title: 'Cum vă exercitați drepturile',
      paragraphs: [
        'Adresați o cerere responsabilului cu protecția datelor al Primăriei Sectorului 6, la registratura Primăriei sau prin datele de contact publicate pe site-ul oficial al Primăriei. Vă răspundem în cel mult o lună (art. 12 GDPR).',
      ],
    },
    {
      id: 'browser',
      title: 'Ce păstrează portalul în browserul dumneavoastră',
      paragraphs: [
        'Portalul reține în browser doar limba aleasă și, până închideți fila, confirmarea petiției trimise. Nu folosim module cookie de urmărire sau de publicitate și nu luăm decizii bazate exclusiv pe prelucrarea automată.',
      ],
    },
  ],
};
