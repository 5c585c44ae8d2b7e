// The words of the demo history (db/seed/demo-history.ts): what the people of Sector 6 write about, where,
// who they are, and what the city hall answers. Romanian with ș ț (comma below); every street, block and
// neighbourhood is Sector 6's. Pure data.

/** How often each category comes up in a year (relative weights), and the months it peaks in (1–12). */
export const CATEGORY_MIX: Record<string, { weight: number; peak?: number[] }> = {
  'strazi-trotuare': { weight: 14, peak: [3, 4, 5] },
  'strazi-principale': { weight: 3 },
  'spatii-verzi': { weight: 9, peak: [4, 5, 6, 7, 8, 9] },
  deszapezire: { weight: 3, peak: [12, 1, 2] },
  'parcari-resedinta': { weight: 8 },
  'parcare-ilegala': { weight: 9 },
  salubrizare: { weight: 9, peak: [7, 8] },
  'depozitari-ilegale': { weight: 5 },
  'zgomot-ordine-publica': { weight: 6, peak: [6, 7, 8] },
  'constructii-ilegale': { weight: 3 },
  urbanism: { weight: 3 },
  'asociatii-proprietari': { weight: 3 },
  locuinte: { weight: 2 },
  'asistenta-sociala': { weight: 3, peak: [12, 1] },
  'taxe-locale': { weight: 4, peak: [3] },
  'evidenta-persoanelor': { weight: 2, peak: [6, 7] },
  scoli: { weight: 2, peak: [8, 9] },
  piete: { weight: 1 },
  'comert-stradal': { weight: 2, peak: [5, 6, 7] },
  cultura: { weight: 1, peak: [5, 6, 12] },
  'iluminat-public': { weight: 2, peak: [11, 12, 1] },
  'caini-fara-stapan': { weight: 2 },
  termoficare: { weight: 3, peak: [10, 11, 12, 1, 2, 3] },
  'apa-canal': { weight: 2 },
  'transport-public': { weight: 2 },
  'conduita-personal': { weight: 1 },
  'informatii-publice': { weight: 3 },
};

/** Subjects per category; `{loc}` becomes a street or a place of Sector 6. */
export const SUBJECTS: Record<string, string[]> = {
  'strazi-trotuare': ['Groapă adâncă în carosabil pe {loc}', 'Trotuar surpat pe {loc}', 'Borduri rupte și bălți pe {loc}', 'Asfalt degradat pe aleea dintre blocuri, {loc}'],
  'strazi-principale': ['Gropi pe {loc}, banda întâi', 'Marcaje șterse la trecerea de pietoni de pe {loc}', 'Capac de canal lipsă pe {loc}'],
  'spatii-verzi': ['Arbore uscat care stă să cadă pe {loc}', 'Loc de joacă cu leagăne rupte în {loc}', 'Iarbă necosită în scuarul de pe {loc}', 'Cerere de toaletare a teilor de pe {loc}'],
  deszapezire: ['Trotuar nedeszăpezit pe {loc}', 'Aleea spre școală acoperită de gheață, {loc}', 'Zăpada nu a fost curățată din stația de autobuz de pe {loc}'],
  'parcari-resedinta': ['Loc de parcare de reședință ocupat abuziv pe {loc}', 'Cerere de loc de parcare de reședință, {loc}', 'Marcajele locurilor de parcare de pe {loc} nu se mai văd'],
  'parcare-ilegala': ['Mașină abandonată de luni de zile pe {loc}', 'Autoturisme parcate pe trotuar pe {loc}', 'Acces blocat la ghena blocului de pe {loc}'],
  salubrizare: ['Gunoiul nu a fost ridicat de o săptămână pe {loc}', 'Containere de reciclare pline pe {loc}', 'Miros puternic de la platforma de gunoi de pe {loc}'],
  'depozitari-ilegale': ['Moloz depozitat ilegal pe {loc}', 'Mobilier vechi aruncat lângă blocul de pe {loc}', 'Deșeuri de construcții pe terenul viran de pe {loc}'],
  'zgomot-ordine-publica': ['Zgomot puternic după ora 22 pe {loc}', 'Muzică la volum mare de la terasa de pe {loc}', 'Grupuri care consumă alcool în parcul de pe {loc}'],
  'constructii-ilegale': ['Construcție ridicată fără autorizație pe {loc}', 'Garaj construit pe spațiul verde de pe {loc}', 'Închidere de balcon care pune în pericol blocul de pe {loc}'],
  urbanism: ['Întârziere la eliberarea certificatului de urbanism pentru {loc}', 'Informații despre autorizația de construire a blocului nou de pe {loc}', 'Cerere privind PUZ-ul zonei {loc}'],
  'asociatii-proprietari': ['Administratorul asociației de pe {loc} nu prezintă socotelile', 'Cerere de control la asociația de proprietari de pe {loc}', 'Fond de reparații folosit fără vot, bloc de pe {loc}'],
  locuinte: ['Cerere de locuință socială', 'Stadiul dosarului de locuință ANL', 'Infiltrații în locuința socială de pe {loc}'],
  'asistenta-sociala': ['Vârstnic singur care are nevoie de ajutor, {loc}', 'Cerere de ajutor pentru încălzire', 'Copil care pare neglijat, {loc}'],
  'taxe-locale': ['Impozit calculat greșit pentru apartamentul de pe {loc}', 'Cerere de restituire a unei sume plătite de două ori', 'Majorări de întârziere contestate'],
  'evidenta-persoanelor': ['Programare pentru cartea de identitate', 'Întârziere la eliberarea certificatului de naștere', 'Cerere de program prelungit la ghișeul de acte'],
  scoli: ['Acoperișul grădiniței de pe {loc} plouă în clase', 'Curtea școlii de pe {loc} are nevoie de reparații', 'Încălzire insuficientă în sălile școlii de pe {loc}'],
  piete: ['Mizerie în Piața Drumul Taberei', 'Prețuri neafișate în Piața Gorjului', 'Tarabe care blochează accesul în Piața Veteranilor'],
  'comert-stradal': ['Terasă care ocupă tot trotuarul pe {loc}', 'Chioșc fără autorizație pe {loc}', 'Comerț stradal neautorizat la ieșirea din metrou, {loc}'],
  cultura: ['Propunere de concert în Parcul Drumul Taberei', 'Propunere de bibliotecă de cartier pe {loc}', 'Informații despre Zilele Sectorului 6'],
  'iluminat-public': ['Stâlp de iluminat stins pe {loc}', 'Aleea de pe {loc} este complet întunecată', 'Lampă care pâlpâie toată noaptea pe {loc}'],
  'caini-fara-stapan': ['Haită de câini fără stăpân pe {loc}', 'Câine agresiv lângă școala de pe {loc}', 'Câini abandonați în parcarea de pe {loc}'],
  termoficare: ['Fără apă caldă de trei zile pe {loc}', 'Caloriferele sunt reci în blocul de pe {loc}', 'Țeavă de termoficare spartă pe {loc}'],
  'apa-canal': ['Canal înfundat care inundă strada pe {loc}', 'Presiune scăzută a apei pe {loc}', 'Apă murdară la robinet pe {loc}'],
  'transport-public': ['Autobuzul 105 nu respectă programul', 'Stație fără copertină pe {loc}', 'Tramvaiul 41 circulă prea rar seara'],
  'conduita-personal': ['Comportament nepoliticos la ghișeu', 'Funcționar care nu a răspuns la telefon', 'Atitudine nepotrivită a unui agent constatator'],
  'informatii-publice': ['Solicitare de informații privind contractele de reparații', 'Solicitare privind bugetul pentru spații verzi', 'Lista lucrărilor de asfaltare programate în Sectorul 6', 'Copia contractului de salubrizare'],
};

/** What the petitioner describes, per category, after the opening; `{loc}` as above. */
export const DETAILS: Record<string, string> = {
  'strazi-trotuare': 'Pe {loc} s-a format o groapă care se adâncește după fiecare ploaie. Șoferii o ocolesc brusc, iar pietonii, mai ales cei în vârstă, riscă să cadă.',
  'strazi-principale': 'Pe {loc} carosabilul este degradat pe o porțiune lungă, iar seara denivelările nu se văd deloc.',
  'spatii-verzi': 'În zona {loc} spațiul verde nu a mai fost îngrijit de mult; copiii nu se mai pot juca în siguranță.',
  deszapezire: 'De la ultima ninsoare, pe {loc} nu a trecut niciun utilaj, iar trotuarele sunt acoperite de gheață.',
  'parcari-resedinta': 'Am abonament de parcare de reședință pe {loc}, dar locul meu este ocupat zilnic de alte mașini.',
  'parcare-ilegala': 'Pe {loc} mașinile sunt parcate pe trotuar și pe trecerea de pietoni, iar cărucioarele nu mai pot trece.',
  salubrizare: 'Pe {loc} pubelele sunt pline de zile întregi, iar gunoiul se împrăștie pe trotuar.',
  'depozitari-ilegale': 'Pe {loc} cineva descarcă noaptea saci cu moloz și resturi de mobilier.',
  'zgomot-ordine-publica': 'Pe {loc} zgomotul continuă după miezul nopții aproape în fiecare seară, iar locatarii nu se pot odihni.',
  'constructii-ilegale': 'Pe {loc} se construiește de câteva săptămâni, fără panou de șantier și fără autorizație afișată.',
  urbanism: 'Am depus documentația pentru {loc} de mai bine de o lună și nu am primit niciun răspuns.',
  'asociatii-proprietari': 'La asociația de proprietari de pe {loc} nu se afișează lista de plată și nu ni se arată facturile.',
  locuinte: 'Am depus dosarul în urmă cu doi ani și nu știu în ce stadiu se află.',
  'asistenta-sociala': 'Pe {loc} locuiește o persoană în vârstă, singură, care nu mai poate ieși din casă și are nevoie de sprijin.',
  'taxe-locale': 'În decizia de impunere pentru {loc} suprafața apartamentului este trecută greșit.',
  'evidenta-persoanelor': 'Nu găsesc nicio programare liberă în următoarele două luni și cartea de identitate îmi expiră.',
  scoli: 'Părinții copiilor de la unitatea de pe {loc} au observat că problema se agravează de la o săptămână la alta.',
  piete: 'În piață aleile sunt murdare, iar la tarabe nu sunt afișate prețurile.',
  'comert-stradal': 'Pe {loc} trotuarul este ocupat aproape în întregime, iar pietonii merg pe carosabil.',
  cultura: 'Cred că în cartier ar fi binevenite mai multe evenimente pentru copii și vârstnici, în aer liber.',
  'iluminat-public': 'Pe {loc} iluminatul public nu funcționează de câteva nopți, iar zona a devenit nesigură.',
  'caini-fara-stapan': 'Pe {loc} câinii fără stăpân latră și aleargă după trecători, iar copiii se tem să treacă pe acolo.',
  termoficare: 'În blocul de pe {loc} nu avem apă caldă, iar caloriferele sunt abia călduțe.',
  'apa-canal': 'Pe {loc} canalizarea refulează la fiecare ploaie și apa intră în subsolul blocului.',
  'transport-public': 'Așteptăm uneori și 30 de minute în stație, fără nicio informare.',
  'conduita-personal': 'Funcționarul de la ghișeu a refuzat să îmi explice ce acte lipsesc și mi-a vorbit pe un ton jignitor.',
  'informatii-publice': 'În temeiul Legii nr. 544/2001, vă rog să îmi comunicați informațiile de mai sus, în format electronic.',
};

export const OPENINGS = [
  'Bună ziua,',
  'Stimate domnule primar,',
  'Stimată doamnă, stimate domn,',
  'Vă scriu în legătură cu o problemă din cartier.',
  'Doresc să semnalez o situație care durează de mult timp.',
  'Revin cu o problemă pe care locuitorii din zonă o cunosc bine.',
];

export const CLOSINGS = [
  'Vă mulțumesc anticipat pentru răspuns.',
  'Aștept răspunsul dumneavoastră în termenul legal.',
  'Locatarii blocului vă roagă să interveniți cât mai curând.',
  'Am mai sesizat problema telefonic, fără rezultat.',
  'Vă rog să mă anunțați ce măsuri ați luat.',
];

/** What the department did, for the answer letter (after "vă comunicăm că"). */
export const ANSWER_ACTIONS: Record<string, string> = {
  'strazi-trotuare': 'echipele de intervenție au reparat carosabilul și trotuarul în zona indicată',
  'spatii-verzi': 'specialiștii au evaluat zona, iar lucrările de întreținere au fost executate',
  deszapezire: 'utilajele de deszăpezire au intervenit, iar trotuarele au fost curățate și tratate cu material antiderapant',
  'parcari-resedinta': 'situația locului de parcare a fost verificată și au fost luate măsurile prevăzute de regulament',
  'parcare-ilegala': 'polițiștii locali s-au deplasat la fața locului și au aplicat sancțiunile prevăzute de lege',
  salubrizare: 'operatorul de salubrizare a fost notificat, iar deșeurile au fost ridicate',
  'depozitari-ilegale': 'deșeurile au fost ridicate, iar zona a fost inclusă în traseul de patrulare',
  'zgomot-ordine-publica': 'polițiștii locali au efectuat controale în zonă și au aplicat sancțiuni',
  'constructii-ilegale': 's-a efectuat un control, iar proprietarul a fost sancționat și obligat să intre în legalitate',
  urbanism: 'documentația a fost analizată, iar actul solicitat a fost emis',
  'asociatii-proprietari': 's-a efectuat un control la asociația de proprietari, iar administratorului i s-au pus în vedere obligațiile legale',
  locuinte: 'dosarul dumneavoastră a fost analizat și se află pe lista de priorități aprobată',
  'asistenta-sociala': 'un asistent social a efectuat o anchetă socială, iar persoana a fost inclusă într-un program de sprijin',
  'taxe-locale': 'datele fiscale au fost verificate, iar decizia de impunere a fost corectată',
  'evidenta-persoanelor': 'au fost suplimentate locurile de programare, iar solicitarea dumneavoastră a fost rezolvată',
  scoli: 'lucrările de reparații au fost incluse în programul de investiții și au început',
  piete: 'administrația pieței a efectuat un control și a dispus măsuri de igienizare',
  'comert-stradal': 's-a efectuat un control, iar comerciantul a fost obligat să elibereze trotuarul',
  cultura: 'propunerea dumneavoastră a fost inclusă în programul cultural al anului',
  'conduita-personal': 'situația a fost analizată, iar salariatului i s-a atras atenția asupra obligațiilor de serviciu',
  'informatii-publice': 'informațiile solicitate vă sunt transmise în anexa prezentului răspuns',
};

/** Sector 6's streets, and the places people name instead of a street. */
export const STREETS = [
  'Bulevardul Iuliu Maniu', 'Drumul Taberei', 'Strada Valea Oltului', 'Strada Valea Cascadelor', 'Strada Brașov',
  'Bulevardul Timișoara', 'Bulevardul Uverturii', 'Calea Giulești', 'Calea Crângași', 'Bulevardul Constructorilor',
  'Strada Dezrobirii', 'Bulevardul Ghencea', 'Strada Fabricii', 'Aleea Compozitorilor', 'Strada Răsăritului',
  'Strada Apusului', 'Bulevardul Vasile Milea', 'Strada Sibiului', 'Strada Târgu Neamț', 'Aleea Callatis',
  'Strada Moinești', 'Strada Valea Ialomiței', 'Strada Orșova', 'Splaiul Independenței', 'Bulevardul Pravăț',
  'Strada Veteranilor', 'Strada Mehadia', 'Strada Obcina Mare', 'Strada Romancierilor', 'Strada Lujerului',
  'Strada Braniștei', 'Strada Gârlei', 'Bulevardul Preciziei', 'Strada Virtuții', 'Strada Dreptății',
  'Bulevardul Geniului', 'Strada Sergent Ion Nuțu', 'Aleea Istru', 'Strada Valea Lungă', 'Strada Cetatea Histria',
  'Strada Ceahlăul', 'Strada Drumul Sării', 'Strada Plaiul Munteniei', 'Strada Roșia Montană', 'Aleea Pravăț',
];
export const NEIGHBOURHOODS = ['Drumul Taberei', 'Militari', 'Crângași', 'Giulești', 'Ghencea', 'Regie', 'Grozăvești', 'Lujerului', 'Gorjului', 'Păcii'];

export const FIRST_NAMES = [
  'Ion', 'Maria', 'Andrei', 'Elena', 'Mihai', 'Ioana', 'Ștefan', 'Mădălina', 'Cătălin', 'Ana-Maria', 'Răzvan', 'Anișoara',
  'Florentina', 'Gheorghe', 'Vasile', 'Ilie', 'Tudor', 'Bianca', 'Ecaterina', 'Irina', 'Zsófia', 'Levente', 'Attila',
  'Erzsébet', 'Aylin', 'Seyfi', 'Nurhan', 'Olena', 'Dmitri', 'Sofia', 'Aurelia', 'Smaranda', 'Doina', 'Ileana', 'Costică',
  'Marius', 'Alexandra', 'Iuliana', 'Tiberiu', 'Horia', 'Sânziana', 'Voichița', 'Brândușa', 'Cezar', 'Petrică',
  'Lăcrămioara', 'Rareș', 'Eugen', 'Viorica', 'Nicoleta', 'Aurel', 'Ramona', 'Gavril', 'Maricica', 'Luminița', 'Dănuț',
];
export const LAST_NAMES = [
  'Popescu', 'Ionescu', 'Țurcanu', 'Șerban', 'Căpraru', 'Niță', 'Stănescu', 'Mureșan', 'Pătrașcu', 'Dumitrașcu', 'Vâlcu',
  'Bîrsan', 'Szabó', 'Kovács', 'Nagy', 'Tóth', 'Rădulescu', 'Anghel', 'Moraru', 'Cojocaru', 'Lăzărescu', 'Ababei',
  'Memet', 'Ismail', 'Hristov', 'Kovalenko', 'Papadopol', 'Manukian', 'Vasiliu', 'Dragomir', 'Ghiță', 'Pîrvu', 'Mihăilă',
  'Grigoraș', 'Todoran', 'Rusu', 'Bălan', 'Ciucă', 'Sârbu', 'Dănilă', 'Zamfir', 'Oprea', 'Tănase', 'Ștefănescu', 'Hărăbor',
  'Stoian', 'Diaconu', 'Fieraru', 'Bucur', 'Cârstea', 'Gâlcă', 'Țepeș', 'Năstase', 'Ungureanu', 'Lupu', 'Nedelcu',
];
export const ORGANISATIONS = [
  'Asociația de Proprietari Bloc C12, Drumul Taberei', 'Asociația de Proprietari nr. 1245 Militari', 'Asociația „Prietenii Parcului Drumul Taberei”',
  'Asociația Părinților Școlii Gimnaziale nr. 150', 'Asociația de Proprietari Bloc OD7, Valea Cascadelor', 'Fundația „Sfântul Dimitrie” Crângași',
  'Asociația Bicicliștilor din Sectorul 6', 'Brutăria Giulești SRL', 'Asociația Locatarilor de pe Strada Brașov', 'Clubul Seniorilor Militari',
];
export const EMAIL_DOMAINS = ['example.ro', 'example.com', 'example.net', 'mail.example.org'];

/** Departments the demo accounts do not cover get staff of their own (heads, officers, directors). */
export const HISTORY_STAFF_NAMES = [
  'Laura Enache', 'Ovidiu Pârvulescu', 'Carmen Sandu', 'Iulian Vlad', 'Simona Dincă', 'Teodor Stamate', 'Adina Răileanu',
  'Paul Ciocârlan', 'Monica Tudose', 'Sorina Buzatu', 'Lucian Găină', 'Diana Mirea', 'Cornel Ivașcu', 'Raluca Bănică',
  'Florin Chiriță', 'Gabriela Ochiană', 'Emil Dascălu', 'Oana Bârzu', 'Silviu Manole', 'Corina Hagiu', 'Valentin Preda',
  'Nicoleta Ardeleanu', 'Ciprian Lazăr', 'Denisa Mocanu',
];

export const CONTRIBUTION_QUESTIONS = [
  'Vă rugăm să ne comunicați dacă zona indicată se află în administrarea dumneavoastră.',
  'Vă rugăm să verificați dacă pentru adresa indicată a fost emisă o autorizație.',
  'Vă rugăm să ne transmiteți situația fiscală a imobilului.',
  'Vă rugăm să efectuați un control în teren și să ne comunicați constatările.',
];
