// Dutch-plausible people for the demo: names by country of origin in the proportions
// of report 002 Table 1 (Nederland, Turkije/Marokko, Suriname/Antillen, overig).
import type { Prng } from '@wcc/domain-kit';

export type Origin = 'nl' | 'tr-ma' | 'sr-an' | 'other';
export type Sex = 'female' | 'male';

const firstNames: Record<Origin, Record<Sex, readonly string[]>> = {
  nl: {
    female: ['Sanne', 'Lotte', 'Fleur', 'Anouk', 'Iris', 'Marloes', 'Femke', 'Esther', 'Nienke', 'Roos'],
    male: ['Daan', 'Thijs', 'Bram', 'Jeroen', 'Ruben', 'Sander', 'Niels', 'Wouter', 'Joost', 'Koen', 'Stijn', 'Jasper'],
  },
  'tr-ma': {
    female: ['Fatima', 'Samira', 'Naima', 'Elif', 'Yasmina', 'Zeynep', 'Hatice'],
    male: ['Mohamed', 'Youssef', 'Ahmed', 'Mehmet', 'Hamza', 'Bilal', 'Emre', 'Kerem'],
  },
  'sr-an': {
    female: ['Shanice', 'Chantal', 'Denise', 'Priya', 'Naomi'],
    male: ['Glenn', 'Rodney', 'Ravi', 'Dwayne', 'Jurgen', 'Romano'],
  },
  other: {
    female: ['Agnieszka', 'Maria', 'Ana', 'Hanna', 'Amina', 'Selam'],
    male: ['Piotr', 'Tomasz', 'Ali', 'Samuel', 'Daniel', 'Dawit'],
  },
};

const surnames: Record<Origin, readonly string[]> = {
  nl: ['de Vries', 'Jansen', 'Bakker', 'Visser', 'Smit', 'Meijer', 'de Boer', 'Mulder', 'de Groot', 'Bos', 'Vos', 'Hendriks', 'van Dijk', 'Dekker', 'Brouwer', 'van Leeuwen', 'Kok', 'Schouten'],
  'tr-ma': ['El Amrani', 'Bouzid', 'Yilmaz', 'Kaya', 'Aydin', 'Ouali', 'Benali', 'Demir', 'Ozturk', 'El Idrissi'],
  'sr-an': ['Sital', 'Martina', 'Kromodikoro', 'Pinas', 'Doelwijt', 'Ramdin', 'Statia', 'Bhagwandin'],
  other: ['Kowalski', 'Nowak', 'Haile', 'Rahimi', 'Santos', 'Popescu', 'Tesfaye'],
};

export function dutchName(random: Prng, origin: Origin, sex: Sex, used: Set<string>): string {
  for (let attempt = 0; ; attempt++) {
    const name = `${random.pick(firstNames[origin][sex])} ${random.pick(surnames[origin])}`;
    if (!used.has(name) || attempt > 50) {
      used.add(name);
      return name;
    }
  }
}
