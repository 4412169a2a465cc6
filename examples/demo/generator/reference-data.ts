/** Reference data of the demo shop: categories, names, markets and payment mixes. */

export interface Category {
  name: string;
  weight: number;
  basePrice: number;
  nouns: string[];
}

export const CATEGORIES: Category[] = [
  { name: 'Apparel', weight: 26, basePrice: 38, nouns: ['T-Shirt', 'Hoodie', 'Jacket', 'Chinos', 'Sweater', 'Dress', 'Scarf', 'Cap'] },
  { name: 'Footwear', weight: 12, basePrice: 85, nouns: ['Sneakers', 'Boots', 'Sandals', 'Loafers', 'Trail Runners'] },
  { name: 'Home', weight: 16, basePrice: 45, nouns: ['Mug Set', 'Throw Blanket', 'Lamp', 'Cushion', 'Vase', 'Cutting Board'] },
  { name: 'Electronics', weight: 12, basePrice: 120, nouns: ['Headphones', 'Speaker', 'Charger', 'Smartwatch', 'Keyboard', 'Webcam'] },
  { name: 'Beauty', weight: 12, basePrice: 24, nouns: ['Face Cream', 'Serum', 'Shampoo', 'Lip Balm', 'Perfume'] },
  { name: 'Outdoor', weight: 10, basePrice: 70, nouns: ['Backpack', 'Tent', 'Water Bottle', 'Sleeping Bag', 'Headlamp'] },
  { name: 'Toys', weight: 7, basePrice: 30, nouns: ['Puzzle', 'Building Set', 'Plush Bear', 'Board Game', 'Kite'] },
  { name: 'Books', weight: 5, basePrice: 18, nouns: ['Cookbook', 'Novel', 'Travel Guide', 'Notebook', 'Atlas'] },
];

export const ADJECTIVES = ['Classic', 'Essential', 'Urban', 'Nordic', 'Coastal', 'Alpine', 'Vintage', 'Modern', 'Everyday', 'Premium', 'Lightweight', 'Organic', 'Studio', 'Heritage', 'Compact', 'Bold'];
export const BRANDS = ['Northwind', 'Fjordline', 'Kestrel & Co', 'Lumen', 'Brightleaf', 'Tidewater', 'Oakridge', 'Saltmarsh', 'Copperfield', 'Meridian', 'Halcyon', 'Juniper Lane'];
export const FIRST_NAMES = ['Ava', 'Liam', 'Noah', 'Emma', 'Olivia', 'Lucas', 'Mia', 'Sofia', 'Hugo', 'Lea', 'Mateo', 'Yuki', 'Aarav', 'Chloe', 'Ethan', 'Isla', 'Leo', 'Nora', 'Omar', 'Priya', 'Ravi', 'Sara', 'Tomas', 'Zoe', 'Ines', 'Jonas', 'Kenji', 'Lina', 'Marta', 'Nia', 'Pablo', 'Ruth', 'Felix', 'Grace', 'Hana', 'Ivan', 'Julia', 'Karim', 'Lars', 'Maya'];
export const LAST_NAMES = ['Smith', 'Garcia', 'Muller', 'Rossi', 'Dubois', 'Silva', 'Tanaka', 'Kim', 'Nguyen', 'Patel', 'Johansson', 'Novak', 'Brown', 'Martin', 'Lopez', 'Kowalski', 'Jensen', 'Moreau', 'Costa', 'Sato', 'Chen', 'Singh', 'Walker', 'Hughes', 'Fischer', 'Bianchi', 'Santos', 'Ito', 'Park', 'Olsen'];
export const EMAIL_DOMAINS = ['example.com', 'mail.example.org', 'inbox.example.net', 'post.example.io'];
export const COMPANY_WORDS = ['Acme', 'Globex', 'Initech', 'Umbrella', 'Stark', 'Wayne', 'Wonka', 'Hooli', 'Vandelay', 'Soylent', 'Tyrell', 'Cyberdyne'];
export const COMPANY_SUFFIXES = ['Industries', 'Group', 'Labs', 'Retail', 'Partners'];
export const ACQUISITION_CHANNELS = ['organic_search', 'paid_search', 'social', 'email', 'referral', 'affiliate'];

export const REGIONS = ['NA', 'EMEA', 'APAC', 'LATAM'] as const;
export const REGION_WEIGHTS = [40, 35, 15, 10];
/** Sales-tax / VAT rate applied to orders, per region (same order as REGIONS). */
export const TAX_RATES = ['0.07', '0.20', '0.10', '0.16'];

export interface Country {
  region: (typeof REGIONS)[number];
  code: string;
  name: string;
  currency: string;
  /** Units of local currency per USD (before the small monthly drift). */
  fx: number;
  /** Share within its region. */
  weight: number;
}

export const COUNTRIES: Country[] = [
  { region: 'NA', code: 'US', name: 'United States', currency: 'USD', fx: 1, weight: 85 },
  { region: 'NA', code: 'CA', name: 'Canada', currency: 'CAD', fx: 1.36, weight: 15 },
  { region: 'EMEA', code: 'DE', name: 'Germany', currency: 'EUR', fx: 0.92, weight: 30 },
  { region: 'EMEA', code: 'GB', name: 'United Kingdom', currency: 'GBP', fx: 0.79, weight: 25 },
  { region: 'EMEA', code: 'FR', name: 'France', currency: 'EUR', fx: 0.92, weight: 20 },
  { region: 'EMEA', code: 'SE', name: 'Sweden', currency: 'SEK', fx: 10.6, weight: 10 },
  { region: 'EMEA', code: 'ES', name: 'Spain', currency: 'EUR', fx: 0.92, weight: 15 },
  { region: 'APAC', code: 'JP', name: 'Japan', currency: 'JPY', fx: 149, weight: 40 },
  { region: 'APAC', code: 'AU', name: 'Australia', currency: 'AUD', fx: 1.52, weight: 40 },
  { region: 'APAC', code: 'SG', name: 'Singapore', currency: 'SGD', fx: 1.34, weight: 20 },
  { region: 'LATAM', code: 'BR', name: 'Brazil', currency: 'BRL', fx: 5.1, weight: 60 },
  { region: 'LATAM', code: 'MX', name: 'Mexico', currency: 'MXN', fx: 17.8, weight: 40 },
];

/** Payment-method mix per region (same order as REGIONS). */
export const PAYMENT_METHODS: [string, number][][] = [
  [['credit_card', 65], ['paypal', 20], ['apple_pay', 15]],
  [['credit_card', 50], ['paypal', 25], ['klarna', 15], ['bank_transfer', 10]],
  [['credit_card', 60], ['paypal', 15], ['bank_transfer', 25]],
  [['credit_card', 55], ['bank_transfer', 30], ['paypal', 15]],
];
