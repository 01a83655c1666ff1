/**
 * First and last names drawn from the many communities of the US (Anglo, Hispanic, African
 * American, West African, East, South and Southeast Asian, Middle Eastern, Slavic, Jewish…).
 * Names carry no signal: the pool is chosen by recorded gender only, and nothing else reads it.
 */

/** First names customers recorded as Female are drawn from (most of the time). */
// biome-ignore format: a compact data table reads better ten names to a line
export const FEMALE_FIRST_NAMES: readonly string[] = [
  'Emma', 'Olivia', 'Ava', 'Sophia', 'Isabella', 'Mia', 'Charlotte', 'Amelia', 'Harper', 'Evelyn',
  'Abigail', 'Emily', 'Elizabeth', 'Sofia', 'Madison', 'Ella', 'Grace', 'Chloe', 'Victoria', 'Hannah',
  'Lily', 'Natalie', 'Zoe', 'Leah', 'Hazel', 'Audrey', 'Claire', 'Lucy', 'Anna', 'Sarah',
  'Jennifer', 'Linda', 'Patricia', 'Barbara', 'Susan', 'Margaret', 'Karen', 'Nancy', 'Betty', 'Dorothy',
  'Deborah', 'Rebecca', 'Laura', 'Michelle', 'Kimberly', 'Rachel', 'Megan', 'Heather', 'Amanda', 'Stephanie',
  'María', 'Guadalupe', 'Valentina', 'Camila', 'Lucía', 'Daniela', 'Gabriela', 'Ximena', 'Alejandra', 'Paola',
  'Carmen', 'Rosa', 'Isabel', 'Marisol', 'Yesenia', 'Aaliyah', 'Imani', 'Ebony', 'Keisha', 'Tamika',
  'Latoya', 'Jasmine', 'Nia', 'Aisha', 'Zainab', 'Fatima', 'Amina', 'Leila', 'Yasmin', 'Noor',
  'Mariam', 'Chioma', 'Ngozi', 'Adaeze', 'Ama', 'Abena', 'Wanjiru', 'Mei', 'Ling', 'Xiu',
  'Jing', 'Yuki', 'Sakura', 'Haruka', 'Ji-woo', 'Min-ji', 'Seo-yeon', 'Priya', 'Ananya', 'Aditi',
  'Divya', 'Kavya', 'Lakshmi', 'Sneha', 'Deepa', 'Linh', 'Thuy', 'Mai', 'Ngoc', 'Maricel',
  'Rowena', 'Jocelyn', 'Olga', 'Natalia', 'Katarzyna', 'Svetlana', 'Irina', 'Agnieszka', 'Giulia', 'Francesca',
  'Chiara', 'Sinead', 'Aoife', 'Siobhan', 'Miriam', 'Rivka', 'Esther', 'Shira', 'Ingrid', 'Astrid',
  'Kalani', 'Leilani', 'Winona', 'Aiyana',
];

/** First names customers recorded as Male are drawn from (most of the time). */
// biome-ignore format: a compact data table reads better ten names to a line
export const MALE_FIRST_NAMES: readonly string[] = [
  'Liam', 'Noah', 'Oliver', 'Elijah', 'James', 'William', 'Benjamin', 'Lucas', 'Henry', 'Theodore',
  'Jack', 'Levi', 'Alexander', 'Mason', 'Ethan', 'Daniel', 'Jacob', 'Logan', 'Jackson', 'Sebastian',
  'Michael', 'David', 'John', 'Robert', 'Richard', 'Joseph', 'Thomas', 'Charles', 'Christopher', 'Matthew',
  'Anthony', 'Mark', 'Steven', 'Paul', 'Andrew', 'Joshua', 'Kevin', 'Brian', 'George', 'Timothy',
  'Ryan', 'Gary', 'Eric', 'Jonathan', 'Scott', 'Brandon', 'Gregory', 'Patrick', 'Dennis', 'Tyler',
  'José', 'Luis', 'Carlos', 'Juan', 'Miguel', 'Jorge', 'Alejandro', 'Diego', 'Mateo', 'Santiago',
  'Javier', 'Rafael', 'Eduardo', 'Ricardo', 'Fernando', 'DeShawn', 'Jamal', 'Darnell', 'Malik', 'Tyrone',
  'Andre', 'Marcus', 'Terrence', 'Jalen', 'Darius', 'Omar', 'Ahmed', 'Mohammed', 'Hassan', 'Karim',
  'Yusuf', 'Ali', 'Tariq', 'Chinedu', 'Emeka', 'Oluwaseun', 'Kwame', 'Kofi', 'Tunde', 'Wei',
  'Jun', 'Hao', 'Chen', 'Hiroshi', 'Kenji', 'Takeshi', 'Min-jun', 'Ji-hoon', 'Seung-woo', 'Arjun',
  'Rohan', 'Vikram', 'Rahul', 'Sanjay', 'Aditya', 'Ravi', 'Minh', 'Duc', 'Huy', 'Tuan',
  'Jose Mari', 'Rommel', 'Dmitri', 'Ivan', 'Sergei', 'Piotr', 'Tomasz', 'Mikhail', 'Giovanni', 'Marco',
  'Luca', 'Sean', 'Connor', 'Declan', 'Eoin', 'Moshe', 'Avi', 'Eli', 'Lars', 'Erik',
  'Keoni', 'Makoa', 'Dakota', 'Hakan',
];

/** First names used for customers recorded as Other, and sometimes for anyone. */
// biome-ignore format: a compact data table reads better ten names to a line
export const UNISEX_FIRST_NAMES: readonly string[] = [
  'Alex', 'Jordan', 'Taylor', 'Morgan', 'Casey', 'Riley', 'Avery', 'Quinn', 'Jamie', 'Skyler',
  'Rowan', 'Sage', 'Reese', 'Emerson', 'Finley', 'Hayden', 'Parker', 'Peyton', 'Kai', 'River',
  'Robin', 'Sam', 'Charlie', 'Drew', 'Elliot', 'Frankie', 'Jesse', 'Kendall', 'Lee', 'Marley',
  'Noa', 'Remy', 'Sasha', 'Shay', 'Tatum', 'Ari', 'Adrian', 'Andrea', 'Cameron', 'Dana',
];

/** Family names, several hundred across cultures. */
// biome-ignore format: a compact data table reads better ten names to a line
export const LAST_NAMES: readonly string[] = [
  'Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Miller', 'Davis', 'Wilson', 'Anderson', 'Taylor',
  'Thomas', 'Moore', 'Martin', 'Jackson', 'Thompson', 'White', 'Harris', 'Clark', 'Lewis', 'Robinson',
  'Walker', 'Young', 'Allen', 'King', 'Wright', 'Scott', 'Hill', 'Green', 'Adams', 'Baker',
  'Nelson', 'Carter', 'Mitchell', 'Roberts', 'Turner', 'Phillips', 'Campbell', 'Parker', 'Evans', 'Edwards',
  'Collins', 'Stewart', 'Morris', 'Murphy', 'Cook', 'Rogers', 'Morgan', 'Cooper', 'Peterson', 'Reed',
  'Bailey', 'Bell', 'Kelly', 'Howard', 'Ward', 'Cox', 'Richardson', 'Wood', 'Watson', 'Brooks',
  'Bennett', 'Gray', 'Hughes', 'Price', 'Sanders', 'Myers', 'Long', 'Ross', 'Foster', 'Powell',
  'Jenkins', 'Perry', 'Russell', 'Sullivan', 'Fisher', 'Henderson', 'Coleman', 'Simmons', 'Patterson', 'Jordan',
  'Washington', 'Jefferson', 'Freeman', 'Banks', 'Gaines', 'Mayfield', 'Booker', 'Dorsey', 'Holloway', 'Battle',
  'García', 'Rodríguez', 'Martínez', 'Hernández', 'López', 'González', 'Pérez', 'Sánchez', 'Ramírez', 'Torres',
  'Flores', 'Rivera', 'Gómez', 'Díaz', 'Cruz', 'Morales', 'Reyes', 'Gutiérrez', 'Ortiz', 'Chávez',
  'Ramos', 'Ruiz', 'Mendoza', 'Castillo', 'Vargas', 'Romero', 'Herrera', 'Medina', 'Aguilar', 'Vega',
  'Nguyen', 'Tran', 'Le', 'Pham', 'Hoang', 'Phan', 'Vu', 'Dang', 'Bui', 'Do',
  'Wang', 'Li', 'Zhang', 'Liu', 'Chen', 'Yang', 'Huang', 'Zhao', 'Wu', 'Zhou',
  'Lin', 'Sun', 'Ma', 'Hu', 'Guo', 'Kim', 'Lee', 'Park', 'Choi', 'Jung',
  'Kang', 'Cho', 'Yoon', 'Jang', 'Lim', 'Sato', 'Suzuki', 'Takahashi', 'Tanaka', 'Watanabe',
  'Ito', 'Yamamoto', 'Nakamura', 'Kobayashi', 'Kato', 'Patel', 'Shah', 'Singh', 'Kumar', 'Sharma',
  'Gupta', 'Reddy', 'Iyer', 'Rao', 'Desai', 'Mehta', 'Joshi', 'Chopra', 'Nair', 'Banerjee',
  'Khan', 'Ahmed', 'Hussain', 'Rahman', 'Chaudhry', 'Haddad', 'Khoury', 'Nasser', 'Saleh', 'Mansour',
  'Farah', 'Hakimi', 'Karimi', 'Hosseini', 'Rahimi', 'Okafor', 'Okonkwo', 'Adeyemi', 'Balogun', 'Eze',
  'Nwosu', 'Mensah', 'Owusu', 'Boateng', 'Asante', 'Kamau', 'Otieno', 'Mwangi', 'Haile', 'Tesfaye',
  'Santos', 'Reyes-Cruz', 'Bautista', 'Villanueva', 'Mendoza-Lim', 'dela Cruz', 'Aquino', 'Navarro', 'Pascual', 'Soriano',
  'Kowalski', 'Nowak', 'Wiśniewski', 'Lewandowski', 'Kaminski', 'Ivanov', 'Petrov', 'Smirnov', 'Volkov', 'Sokolov',
  'Novak', 'Horvat', 'Popescu', 'Dimitrov', 'Kovalenko', 'Rossi', 'Russo', 'Ferrari', 'Esposito', 'Bianchi',
  'Romano', 'Colombo', 'Ricci', 'Marino', 'Greco', "O'Brien", "O'Connor", 'McCarthy', 'Byrne', 'Gallagher',
  'Doyle', 'Kennedy', 'Quinn', 'Fitzgerald', 'Walsh', 'Cohen', 'Levy', 'Friedman', 'Goldberg', 'Katz',
  'Shapiro', 'Rosen', 'Klein', 'Weiss', 'Schwartz', 'Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber',
  'Becker', 'Hoffmann', 'Larsen', 'Hansen', 'Nielsen', 'Johansson', 'Lindqvist', 'Berg', 'Haugen', 'Virtanen',
  'Kahale', 'Kealoha', 'Begay', 'Yazzie', 'Tsosie', 'Silva', 'Oliveira', 'Costa', 'Pereira', 'Almeida',
];
