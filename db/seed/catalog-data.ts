// Sector 6 routing data, as DOMAIN.md gives it. The seed writes it once; the administrator edits it later.
type DepartmentSeed = { code: string; name: string; kind: 'internal' | 'subordinate'; isRegistry?: boolean };
type InstitutionSeed = { code: string; name: string };
type CategorySeed = {
  code: string;
  ro: string;
  en: string;
  handler: string; // a department code, `forward:<INSTITUTION>` or `by_person`
  public: boolean;
  regime?: 'og27' | 'l544';
};

export const DEPARTMENTS: DepartmentSeed[] = [
  { code: 'DRPMD', name: 'Direcția Relații cu Publicul și Managementul Documentelor', kind: 'internal', isRegistry: true },
  { code: 'DGSPL', name: 'Direcția Generală Servicii Publice Locale', kind: 'internal' },
  { code: 'DGAS', name: 'Direcția Generală Arhitect Șef', kind: 'internal' },
  { code: 'DAPL', name: 'Direcția Administrație Publică Locală', kind: 'internal' },
  { code: 'DGASPC', name: 'Direcția Generală de Asistență Socială și Protecția Copilului Sector 6', kind: 'subordinate' },
  { code: 'DGPL', name: 'Direcția Generală de Poliție Locală Sector 6', kind: 'subordinate' },
  { code: 'DGITL', name: 'Direcția Generală de Impozite și Taxe Locale Sector 6', kind: 'subordinate' },
  { code: 'ADPDU', name: 'Administrația Domeniului Public și Dezvoltare Urbană Sector 6', kind: 'subordinate' },
  { code: 'ACS6', name: 'Administrația Comercială Sector 6', kind: 'subordinate' },
  { code: 'DLEP', name: 'Direcția Locală de Evidență a Persoanelor Sector 6', kind: 'subordinate' },
  { code: 'AS6', name: 'Administrația Școlilor Sector 6', kind: 'subordinate' },
  { code: 'CCE6', name: 'Centrul Cultural European Sector 6', kind: 'subordinate' },
];

export const INSTITUTIONS: InstitutionSeed[] = [
  { code: 'PMB', name: 'Primăria Municipiului București' },
  { code: 'ASB', name: 'Administrația Străzilor București' },
  { code: 'ASPA', name: 'Autoritatea pentru Supravegherea și Protecția Animalelor' },
  { code: 'TERMO', name: 'Termoenergetica București' },
  { code: 'APANOVA', name: 'Apa Nova București' },
  { code: 'STB', name: 'Societatea de Transport București' },
  { code: 'GNM', name: 'Garda Națională de Mediu' },
  { code: 'POLITIA', name: 'Poliția Română' },
];

export const CATEGORIES: CategorySeed[] = [
  { code: 'strazi-trotuare', ro: 'Străzi secundare, trotuare, gropi', en: 'Side streets, pavements, potholes', handler: 'ADPDU', public: true },
  { code: 'strazi-principale', ro: 'Bulevarde și artere principale', en: 'Boulevards and main roads', handler: 'forward:ASB', public: true },
  { code: 'spatii-verzi', ro: 'Spații verzi, parcuri, locuri de joacă, arbori', en: 'Green spaces, parks, playgrounds, trees', handler: 'ADPDU', public: true },
  { code: 'deszapezire', ro: 'Deszăpezire', en: 'Snow clearing', handler: 'ADPDU', public: true },
  { code: 'parcari-resedinta', ro: 'Parcări de reședință', en: 'Residential parking', handler: 'ACS6', public: true },
  { code: 'parcare-ilegala', ro: 'Parcare neregulamentară, mașini abandonate', en: 'Illegal parking, abandoned cars', handler: 'DGPL', public: true },
  { code: 'salubrizare', ro: 'Salubrizare, colectarea deșeurilor', en: 'Sanitation, waste collection', handler: 'DGSPL', public: true },
  { code: 'depozitari-ilegale', ro: 'Depozitări ilegale de deșeuri', en: 'Illegal dumping', handler: 'DGPL', public: true },
  { code: 'zgomot-ordine-publica', ro: 'Zgomot, ordine și liniște publică', en: 'Noise, public order and quiet', handler: 'DGPL', public: true },
  { code: 'constructii-ilegale', ro: 'Construcții fără autorizație', en: 'Unauthorised building works', handler: 'DGPL', public: true },
  { code: 'urbanism', ro: 'Urbanism, certificate și autorizații', en: 'Urban planning, certificates and permits', handler: 'DGAS', public: false },
  { code: 'asociatii-proprietari', ro: 'Asociații de proprietari', en: "Owners' associations", handler: 'DGSPL', public: false },
  { code: 'locuinte', ro: 'Locuințe, fond locativ', en: 'Housing', handler: 'DGSPL', public: false },
  { code: 'asistenta-sociala', ro: 'Asistență socială, protecția copilului', en: 'Social assistance, child protection', handler: 'DGASPC', public: false },
  { code: 'taxe-locale', ro: 'Impozite și taxe locale', en: 'Local taxes', handler: 'DGITL', public: false },
  { code: 'evidenta-persoanelor', ro: 'Acte de identitate, stare civilă', en: 'Identity documents, civil status', handler: 'DLEP', public: false },
  { code: 'scoli', ro: 'Școli și grădinițe (clădiri)', en: 'Schools and kindergartens (buildings)', handler: 'AS6', public: true },
  { code: 'piete', ro: 'Piețe agroalimentare', en: 'Food markets', handler: 'ACS6', public: true },
  { code: 'comert-stradal', ro: 'Comerț stradal, terase', en: 'Street trade, terraces', handler: 'DAPL', public: true },
  { code: 'cultura', ro: 'Cultură, evenimente', en: 'Culture, events', handler: 'CCE6', public: true },
  { code: 'iluminat-public', ro: 'Iluminat public', en: 'Street lighting', handler: 'forward:PMB', public: true },
  { code: 'caini-fara-stapan', ro: 'Câini fără stăpân', en: 'Stray dogs', handler: 'forward:ASPA', public: true },
  { code: 'termoficare', ro: 'Termoficare, apă caldă', en: 'District heating, hot water', handler: 'forward:TERMO', public: true },
  { code: 'apa-canal', ro: 'Apă, canalizare', en: 'Water, sewers', handler: 'forward:APANOVA', public: true },
  { code: 'transport-public', ro: 'Transport public', en: 'Public transport', handler: 'forward:STB', public: true },
  { code: 'conduita-personal', ro: 'Conduita personalului', en: 'Conduct of staff', handler: 'by_person', public: false },
  { code: 'informatii-publice', ro: 'Informații de interes public (Legea 544)', en: 'Public-interest information (Law 544)', handler: 'DRPMD', public: false, regime: 'l544' },
];
