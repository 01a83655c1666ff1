import type { FinancialNeed, LifeStage } from './hidden-traits.ts';
import type { Interest } from './population-tables.ts';

/**
 * Sentence templates for social_media.csv. `{slot}` marks are filled from SLOT_VALUES, or from the
 * customer (`{city}`, `{job}`, `{a_job}`) and number formatters (`{small_amount}`, `{count}`,
 * `{down_payment}`, `{percent}`). Sentiment is mixed on purpose: joy, stress and plain news.
 */

/** Posts about what a customer is into. */
export const INTEREST_TEMPLATES: Readonly<Record<Interest, readonly string[]>> = {
  travel: [
    'Just booked flights to {dest} for {month}! Can not wait to get out of {city} for a bit.',
    'Jet lag is brutal but {dest} was worth every penny.',
    'Flight to {dest} delayed {count} hours. Sitting on the terminal floor eating overpriced pretzels.',
    'Anyone have tips for {dest} on a budget? Going in {month}.',
  ],
  cooking: [
    'Made {dish} from scratch tonight and honestly it beat any restaurant in {city}.',
    'Attempted {dish}. The smoke alarm had opinions.',
    'Sunday meal prep done: {dish}, roasted veggies and way too much rice.',
  ],
  fitness: [
    'New PR at the gym today, feeling unstoppable.',
    'Day {count} of getting back into a routine. Sore everywhere, but it feels good.',
    'Skipped the gym again this week. Motivation is at an all-time low.',
  ],
  running: [
    'Signed up for a {distance} in {month}. Training starts now, wish me luck!',
    'Ran {count} miles along the river this morning. {city} is beautiful at sunrise.',
    'Knee is acting up again, no running for a couple of weeks. Not thrilled.',
  ],
  cycling: [
    'Put {count}0 miles on the bike this weekend. Legs are jelly.',
    'Someone stole my bike seat outside work. Who does that?',
  ],
  hiking: [
    'Hiked {trail} today, the views at the top were unreal.',
    'Got caught in a thunderstorm on the trail. Soaked, muddy, weirdly happy.',
  ],
  yoga: [
    'Morning yoga before work is the only thing keeping me sane lately.',
    'Finally nailed crow pose after months of trying!',
  ],
  gaming: [
    'Sunk {count} hours into {game} this weekend, zero regrets.',
    'Lost my whole save file in {game}. I need a minute.',
    'Is {game} worth full price or should I wait for a sale?',
  ],
  music: [
    'Got tickets to see {band} in {month}!!',
    'Concert tickets for {band} are {small_amount} each now? The resale market is out of control.',
    'This {band} album has been on repeat all week.',
  ],
  movies: [
    'Saw {movie} last night. Still thinking about that ending.',
    'Movie night with a huge bucket of popcorn and {movie}. Perfect Friday.',
  ],
  reading: [
    'Finished "{book}" in two sittings. Highly recommend.',
    'Book club picked "{book}" this month, any thoughts before I start?',
    'Started "{book}", it is slow going so far.',
  ],
  photography: [
    'Golden hour downtown in {city} never disappoints.',
    'Thinking about upgrading my camera but lenses cost a fortune.',
  ],
  art: [
    'Spent the afternoon at the museum sketching. Needed that quiet.',
    'Sold my first painting at the {city} art fair today!',
  ],
  fashion: [
    'Thrifted a vintage jacket for {small_amount} and I feel like a movie star.',
    'Cleaning out my closet, so many clothes I never wear. Time for a resale haul.',
  ],
  technology: [
    'Set up a home server this weekend. Way more fun than it should be.',
    'My laptop died mid-presentation. Classic {weekday}.',
    'Pre-ordered the new {gadget}. Probably did not need it, definitely wanted it.',
  ],
  sports: [
    'What a game! {team} pulled it off in the final minute!',
    '{team} lost again. I do not know why I do this to myself.',
    'Season tickets for {team} just went up {percent}% again.',
  ],
  gardening: [
    'First {plant} of the season from the backyard garden!',
    'Something keeps eating my {plant}. Declaring war on the squirrels.',
  ],
  pets: [
    '{pet_name} learned to open the treat drawer. We are in trouble.',
    'Vet bill for {pet_name} came to {small_amount}. Worth it, but ouch.',
    'Adopted a {pet} from the shelter today, meet {pet_name}!',
  ],
  cars: [
    'Finally got the {car} detailed. Looks brand new.',
    'Check engine light again. Mechanic says {small_amount} to fix it.',
  ],
  diy: [
    'Built a bookshelf from scratch this weekend. Only slightly crooked.',
    'Weekend project: retiling the bathroom. Send snacks.',
  ],
  parenting: [
    '{kid} had {kid_activity} today and absolutely crushed it. Proud parent moment.',
    'Who knew {kid_activity} fees would add up to this much every month?',
    'Survived another school morning. Coffee is my co-parent.',
  ],
  investing: [
    'Reading up on index funds versus picking stocks. The fees difference is wild.',
    'Markets were rough this week. Sticking to the plan and not checking my balance.',
    'Rebalanced my portfolio today. Boring is good.',
  ],
  crypto: [
    'Crypto is down {percent}% this week. Holding, I guess.',
    'Everyone at work is talking about coins again. Feels like 2021.',
  ],
  volunteering: [
    'Spent Saturday at the {city} food bank. Best part of my week.',
    'Our volunteer team planted {count}0 trees today!',
  ],
  dining: [
    'New {restaurant} opened near my place in {city}, already obsessed.',
    'Brunch prices in {city} are getting ridiculous. {small_amount} for eggs?',
    'Tried the tasting menu at that {restaurant} everyone talks about. Worth the hype.',
  ],
};

/** Posts that leak a hidden need through worries, plans and small wins. */
export const NEED_TEMPLATES: Readonly<Record<FinancialNeed, readonly string[]>> = {
  emergency_fund: [
    'Car needed {small_amount} in repairs and I had nothing set aside. Never again.',
    'Living paycheck to paycheck is exhausting. Trying to build a little cushion.',
    'Goal for this year: three months of expenses in savings. Currently at about {count} days.',
    'Surprise dental bill this week. Really need a rainy-day fund.',
    'Put {small_amount} into savings this week. Small steps.',
    'The fridge died on {weekday} and took my whole savings with it.',
  ],
  debt_consolidation: [
    'Credit card bills are piling up and the interest is killing me.',
    'Made the minimum payment again. The balance barely moves.',
    'Juggling {count} different cards with different due dates. There has to be a simpler way.',
    'Stressed about bills this month. Does anyone know if debt consolidation actually helps?',
    'My card APR is {apr}%. How is that even legal?',
    'Paid {small_amount} toward the card this month and the interest ate half of it.',
  ],
  home_purchase: [
    'Went to {count} open houses this weekend. Prices in {city} are wild.',
    'Saving every dollar for a down payment. {down_payment} to go!',
    'We put in an offer on a little house today! Fingers crossed.',
    'Mortgage rates went up again. Our dream home keeps getting further away.',
    'Skipping takeout and vacations this year, the down payment fund comes first.',
    'Toured a {bedrooms} fixer-upper in {city} today. So much potential, so much work.',
    'Our realtor says to expect bidding wars in {month}. Great.',
  ],
  retirement: [
    'Had the talk with my partner about when we can afford to retire. Sobering.',
    'Just realized I have not increased my 401k contribution in {count} years.',
    'Retirement calculator says I am behind. Time to get serious.',
    'Counting down the years until retirement, and the numbers are starting to make sense.',
    'Bumped my 401k contribution to {percent}% today. Future me better say thanks.',
    'Spent {weekday} night reading about IRAs versus 401ks. Very rock and roll.',
    'How much do you actually need to retire in {city}? Every calculator says something different.',
    'My parents retired with almost nothing saved. Determined not to repeat that.',
  ],
  wealth_growth: [
    'Bonus came in. Thinking about investing most of it instead of spending.',
    'Compound interest is the eighth wonder of the world, as they say.',
    'Opened a brokerage account today. Starting small, thinking long term.',
    'Auto-investing {small_amount} every payday. Boring, and it works.',
    'Portfolio is up {percent}% this year. Not touching it.',
    'Cash sitting in checking is losing to inflation. Time to put it to work.',
  ],
  travel_rewards: [
    'Paid for the whole trip to {dest} with points. Feels like cheating.',
    'Which card gives the best airline miles? Planning a lot of trips this year.',
    'Airport lounge access would make these layovers so much better.',
    'Only {count}0,000 more points until a free flight to {dest}.',
  ],
  cashback: [
    'Groceries cost {small_amount} this week. Every bit of cash back helps.',
    'Got {small_amount} back in rewards this year just from everyday spending. Nice surprise.',
    'Comparing cashback cards tonight. The fine print is exhausting.',
    'Switched to a card with {cashback}% back on groceries. Small wins.',
    'Points, miles, whatever. Just give me cash back on gas and groceries.',
  ],
  family_protection: [
    'Now that {kid} is here I keep thinking about life insurance.',
    'A friend got sick and could not work for months. Made me rethink our safety net.',
    'Updated our will this weekend. Not fun, but it feels responsible.',
    'Got {count} life insurance quotes and they are all wildly different. Why is this so confusing?',
    'If something happened to me, would my family be ok? Been thinking about it a lot lately.',
  ],
  education_saving: [
    'College costs are terrifying. Started a fund for {kid} today.',
    'Looked up tuition for when {kid} turns eighteen. I need to sit down.',
    "Every birthday we put a little into {kid}'s college savings.",
    'Setting aside {small_amount} a month for college. Hope it is enough by the time they apply.',
  ],
  credit_building: [
    'Got rejected for a credit card because I have no credit history. How do you start?',
    'First credit card ever! Paying it off in full every month.',
    'Checked my credit score for the first time. Room to grow.',
    'Credit score went up {count} points this month!',
  ],
};

/** Posts about life events typical of each stage. */
export const LIFE_STAGE_TEMPLATES: Readonly<Record<LifeStage, readonly string[]>> = {
  student: [
    'Finals week. Surviving on instant noodles and caffeine.',
    'Textbooks cost {small_amount} this semester. For books I will open twice.',
    'Internship offer came through!! So excited.',
  ],
  young_professional: [
    'First real paycheck hit today. Adulting unlocked.',
    'Rent went up {percent}% again. Looking at roommates.',
    'Promoted to senior {job}! Hard work pays off.',
  ],
  young_family: [
    'Daycare costs more than our rent. How does anyone afford this?',
    'Sleepless nights, but {kid} smiled at me today and it was worth it.',
    'Family road trip with {count} snack breaks in two hours.',
  ],
  established_family: [
    'Teenagers eat an unbelievable amount of food.',
    "Drove {kid} to {kid_activity}, then to a friend's, then back. I am a taxi.",
  ],
  mid_career: [
    'Twenty years as {a_job} this month. Time flies.',
    'Thinking about a career change. Scary but exciting.',
  ],
  pre_retiree: [
    'Kids are out of the house. Quiet, and a little strange.',
    'Only a few more years of work. Planning the next chapter.',
  ],
  retiree: [
    'Retirement life: gardening, grandkids and no alarm clock.',
    'Medicare paperwork is a full-time job.',
    'Took the grandkids to the zoo in {city} today. Exhausted and happy.',
  ],
};

/** Everyday posts anyone might write. */
export const GENERAL_TEMPLATES: readonly string[] = [
  'Beautiful day in {city}.',
  'Traffic in {city} this morning was a nightmare.',
  'Long {weekday}. Need the weekend.',
  'Grateful for good friends and good coffee.',
  'Power went out for {count} hours. Read by candlelight like it was 1850.',
  'Why is everything so expensive lately? Groceries, gas, everything.',
  'Happy birthday to my best friend!',
  'Work has been hectic, but we shipped the project.',
  'Random act of kindness at the coffee shop made my day.',
  'Phone screen cracked. Of course it did.',
];

/** Values for the fixed-list slots. */
// biome-ignore format: a compact data table reads better several values to a line
export const SLOT_VALUES: Readonly<Record<string, readonly string[]>> = {
  dest: ['Lisbon', 'Tokyo', 'Cancún', 'Banff', 'Reykjavik', 'Bali', 'Rome', 'Mexico City', 'Maui', 'Yellowstone',
    'New Orleans', 'Barcelona', 'Seoul', 'Cape Town', 'Nashville', 'Paris', 'Costa Rica', 'the Grand Canyon', 'Vancouver'],
  dish: ['ramen', 'shakshuka', 'sourdough', 'pad thai', 'lasagna', 'tamales', 'jollof rice', 'chicken biryani',
    'tacos al pastor', 'pho', 'gumbo', 'dumplings', 'paella', 'bibimbap', 'mac and cheese'],
  restaurant: ['taco truck', 'sushi spot', 'Ethiopian place', 'ramen bar', 'BBQ joint', 'vegan café',
    'dim sum restaurant', 'Lebanese grill', 'pizza place', 'Korean fried chicken spot'],
  book: ['The Psychology of Money', 'Project Hail Mary', 'Educated', 'Atomic Habits', 'The Midnight Library',
    'Tomorrow, and Tomorrow, and Tomorrow', 'Lessons in Chemistry', 'Braiding Sweetgrass', 'Dune',
    'Where the Crawdads Sing', 'The Simple Path to Wealth', 'Crying in H Mart'],
  game: ['Zelda', "Baldur's Gate 3", 'Elden Ring', 'Stardew Valley', 'Mario Kart', 'Minecraft', 'Hades II',
    'Fortnite', 'the new Final Fantasy'],
  band: ['Taylor Swift', 'Bad Bunny', 'Beyoncé', 'Coldplay', 'Kendrick Lamar', 'Olivia Rodrigo', 'Zach Bryan',
    'the symphony', 'a local jazz trio', 'Metallica'],
  movie: ['the new Marvel movie', 'Dune: Part Two', 'Oppenheimer', 'a Studio Ghibli classic', 'Inside Out 2',
    'the latest horror flick', 'a French film I can not pronounce'],
  team: ['the Lakers', 'the Yankees', 'the Cowboys', 'the Chiefs', 'the Warriors', 'the Cubs', 'the Celtics',
    'the Eagles', 'the Packers', 'our local high school team', 'Inter Miami'],
  pet: ['dog', 'cat', 'rescue pup', 'kitten', 'senior beagle', 'parrot'],
  pet_name: ['Biscuit', 'Luna', 'Max', 'Pepper', 'Mochi', 'Bella', 'Charlie', 'Nacho', 'Daisy', 'Otis', 'Coco'],
  car: ['old Civic', 'Tacoma', 'Model 3', 'minivan', 'F-150', 'Corolla', 'Wrangler', 'Subaru'],
  plant: ['tomatoes', 'zucchini', 'basil', 'strawberries', 'peppers', 'roses', 'sunflowers'],
  distance: ['5K', '10K', 'half marathon', 'marathon', 'trail race'],
  trail: ['Angels Landing', 'the ridge loop', 'Mount Tam', 'the Appalachian Trail', 'a local trail', 'Bright Angel'],
  gadget: ['iPhone', 'Pixel', 'Switch', 'Steam Deck', 'smartwatch', 'noise-cancelling headphones', 'VR headset'],
  weekday: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'],
  month: ['January', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'December'],
  kid: ['my daughter', 'my son', 'the baby', 'our youngest', 'my oldest', 'the kids'],
  apr: ['22.9', '24.5', '26.99', '27.4', '29.9'],
  bedrooms: ['two-bedroom', 'three-bedroom', 'four-bedroom'],
  cashback: ['2', '3', '5'],
  kid_activity: ['soccer practice', 'piano lessons', 'swim meet', 'the school play', 'robotics club',
    'ballet recital', 'Little League'],
};

/** Short openings and endings that vary otherwise identical sentences. */
export const OPENERS: readonly string[] = [
  '',
  '',
  '',
  '',
  '',
  'Honestly, ',
  'Ok so ',
  'Update: ',
  'Not gonna lie, ',
  'Random thought: ',
  'PSA: ',
  'Well, ',
  'Ugh. ',
  'Fun fact: ',
  'So, ',
  'Real talk: ',
  'Quick vent: ',
  'Anyway, ',
  'Confession: ',
  'Today: ',
];
/** Endings appended after a post's last sentence. */
export const CLOSERS: readonly string[] = [
  '',
  '',
  '',
  '',
  '',
  ' #life',
  ' #moneytalk',
  ' Anyone else?',
  ' lol',
  ' 🙏',
  ' #weekend',
  ' Thoughts?',
  ' 😅',
  ' #grateful',
  ' #adulting',
  ' Wish me luck.',
  ' #personalfinance',
  ' Just me?',
  ' 🙃',
  ' #mood',
  ' Send help.',
  ' #goals',
];
