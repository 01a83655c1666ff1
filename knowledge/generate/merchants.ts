import type { SpendCategory } from '../schemas.ts';

/** Plausible US merchant names for each spending category (transactions.csv `merchant`). */
// biome-ignore format: a compact data table reads better several merchants to a line
export const MERCHANTS_BY_CATEGORY: Readonly<Record<SpendCategory, readonly string[]>> = {
  groceries: [
    'Kroger', 'Safeway', 'Whole Foods Market', "Trader Joe's", 'Publix', 'H-E-B', 'Aldi', 'Costco Wholesale',
    'Walmart Supercenter', 'Wegmans', 'Food Lion', 'Sprouts Farmers Market', 'Target Grocery', 'Instacart',
  ],
  dining: [
    'Chipotle Mexican Grill', 'Starbucks', 'Panera Bread', 'Olive Garden', 'Sweetgreen', "Joe's Pizza",
    'Taqueria El Sol', 'Golden Dragon Restaurant', 'The Corner Bistro', 'DoorDash', 'Uber Eats', 'Shake Shack',
    'Pho Saigon', 'Blue Bottle Coffee', 'Sakura Sushi Bar',
  ],
  travel: [
    'Delta Air Lines', 'United Airlines', 'Southwest Airlines', 'American Airlines', 'Marriott Hotels',
    'Hilton Hotels', 'Airbnb', 'Expedia', 'Booking.com', 'Hertz Car Rental', 'Amtrak', 'Royal Caribbean',
  ],
  transport: [
    'Shell', 'Chevron', 'ExxonMobil', 'BP', 'Uber', 'Lyft', 'Metro Transit Pass', 'Jiffy Lube',
    'City Parking Garage', 'E-ZPass Toll', 'Costco Gas', 'AutoZone',
  ],
  utilities: [
    'Pacific Gas & Electric', 'Duke Energy', 'Con Edison', 'City Water Department', 'Comcast Xfinity',
    'Verizon Wireless', 'AT&T', 'T-Mobile', 'Spectrum Internet', 'National Grid', 'Dominion Energy',
  ],
  housing: ['Rent payment', 'Mortgage payment'],
  healthcare: [
    'CVS Pharmacy', 'Walgreens', 'Kaiser Permanente', 'Quest Diagnostics', 'City Dental Care',
    'LensCrafters', 'Urgent Care Clinic', 'Family Medicine Associates', 'Physical Therapy Partners',
  ],
  education: [
    'State University Bursar', 'Community College Tuition', 'Coursera', 'Barnes & Noble Education', 'Chegg',
    'Udemy', 'MasterClass', 'LinkedIn Learning',
  ],
  entertainment: [
    'AMC Theatres', 'Ticketmaster', 'Regal Cinemas', 'Dave & Buster\'s', 'Live Nation', 'Bowlero',
    'Museum of Modern Art', 'Topgolf', 'Local Comedy Club',
  ],
  shopping: [
    'Amazon', 'Target', 'Walmart', "Macy's", 'Nordstrom', 'TJ Maxx', 'Home Depot', "Lowe's", 'IKEA',
    'Etsy', 'Petco', 'Old Navy', 'Sephora', 'Nike', 'Bed Bath & Beyond',
  ],
  electronics: ['Best Buy', 'Apple Store', 'B&H Photo', 'Micro Center', 'Samsung', 'GameStop', 'Newegg', 'Dell'],
  sports: [
    'Planet Fitness', "Dick's Sporting Goods", 'REI Co-op', 'Peloton', 'Lululemon', 'Equinox',
    'ClassPass', 'Local Yoga Studio', 'Trek Bicycle', 'Golf Galaxy',
  ],
  childcare: [
    'Bright Horizons', 'KinderCare', 'Little Sprouts Daycare', 'Sunshine Preschool', 'YMCA After School',
    'Care.com Babysitter', 'Summer Camp Registration',
  ],
  gifts: [
    '1-800-Flowers', 'Hallmark', 'Etsy Gifts', 'Amazon Gift Card', 'Edible Arrangements', 'Local Florist',
    'Charity Donation', 'Kay Jewelers',
  ],
  subscriptions: [
    'Netflix', 'Spotify', 'Hulu', 'Disney+', 'YouTube Premium', 'Apple iCloud', 'Amazon Prime',
    'The New York Times', 'Xbox Game Pass', 'Audible', 'Duolingo Plus', 'Microsoft 365',
  ],
};

/** Education merchants for parents paying for their children's schooling and tutoring. */
export const CHILD_EDUCATION_MERCHANTS: readonly string[] = [
  'Kumon Learning Center',
  'Sylvan Learning',
  'School District Fees',
  'Scholastic Book Fair',
  'Mathnasium',
  'Private School Tuition',
  'Varsity Tutors',
];

/** Landlords a renter's monthly rent goes to. */
export const RENT_MERCHANTS: readonly string[] = [
  'Oakwood Apartments',
  'Greystar Property Management',
  'Maple Court Residences',
  'Riverside Lofts',
  'Avalon Communities',
  'Equity Residential',
  'Parkview Rentals',
  'Sunset Gardens Apartments',
  'Private Landlord - Zelle',
  'Camden Property Trust',
];

/** Lenders a homeowner's monthly mortgage payment goes to. */
export const MORTGAGE_MERCHANTS: readonly string[] = [
  'Wells Fargo Home Mortgage',
  'Chase Home Lending',
  'Rocket Mortgage',
  'Bank of America Mortgage',
  'US Bank Home Mortgage',
  'Mr. Cooper',
  'PennyMac Loan Services',
  'Navy Federal Mortgage',
];

/** Where owners without a mortgage pay property tax and association dues. */
export const OWNER_COST_MERCHANTS: readonly string[] = ['County Property Tax', 'Homeowners Association Dues'];
