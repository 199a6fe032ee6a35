/// Name tables: England, Scotland, Wales and Ireland. Invented people only; the names are common
/// ones, chosen to exercise what real registers hold: apostrophes, accents, "Mac"/"Mc", spaces.
extension NameGroup {
    static let english = NameGroup(
        female: [
            "Olivia", "Amelia", "Emily", "Sophie", "Jessica", "Charlotte", "Lucy", "Hannah", "Chloe", "Ella",
            "Lily", "Grace", "Zoë", "Patricia", "Susan", "Margaret", "Elizabeth", "Sarah", "Helen", "Karen",
            "Julie", "Claire", "Rachel", "Louise", "Emma", "Laura", "Joanne", "Nicola", "Amanda", "Deborah",
            "Janet", "Christine", "Pauline", "Jean", "Brenda", "Sandra", "Linda", "Gillian", "Alison", "Kathryn",
            "Rebecca", "Victoria", "Abigail", "Megan", "Poppy", "Freya", "Ruby", "Evie", "Daisy", "Harriet",
            "Beatrice", "Phoebe", "Maisie", "Jasmine", "Kelly", "Stacey", "Gemma", "Hayley", "Dawn", "Tracey",
            "Sharon", "Wendy", "Lorraine", "Angela", "Anne-Marie", "Rosemary", "Eleanor", "Florence", "Matilda", "Chloé",
        ],
        male: [
            "Oliver", "George", "Harry", "Jack", "Jacob", "Thomas", "Oscar", "William", "James", "John",
            "David", "Michael", "Paul", "Peter", "Robert", "Richard", "Stephen", "Mark", "Andrew", "Christopher",
            "Daniel", "Matthew", "Gary", "Ian", "Kevin", "Martin", "Simon", "Neil", "Graham", "Keith",
            "Colin", "Derek", "Trevor", "Barry", "Nigel", "Alan", "Brian", "Geoffrey", "Freddie", "Henry",
            "Alfie", "Archie", "Theo", "Leo", "Noah", "Samuel", "Joseph", "Ben", "Luke", "Ryan",
            "Nathan", "Lewis", "Adam", "Dean", "Craig", "Lee", "Wayne", "Stuart", "Philip", "Roger",
            "Terence", "Dennis", "Malcolm", "Edward", "Toby", "Reuben", "Jake", "Connor", "Harvey", "Stanley",
        ],
        neutral: ["Alex", "Sam", "Charlie", "Jordan", "Robin", "Jamie", "Ashley", "Morgan", "Kit", "Frankie", "Riley", "Ellis"],
        surnames: [
            "Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Robinson", "Wright",
            "Thompson", "Evans", "Walker", "White", "Roberts", "Green", "Hall", "Wood", "Jackson", "Clarke",
            "Hughes", "Edwards", "Turner", "Hill", "Moore", "Cooper", "Ward", "King", "Harris", "Lewis",
            "Baker", "Lee", "Allen", "Martin", "Clark", "Young", "Scott", "Morris", "Cook", "Harrison",
            "Carter", "Parker", "Mitchell", "Bennett", "Shaw", "Cox", "Pearce", "Chapman", "Gregory", "Fletcher",
            "Bailey", "Knight", "Marshall", "Holmes", "Lloyd", "Barnes", "Chambers", "Dixon", "Fox", "Hunt",
            "Spencer", "Pearson", "Webb", "Mason", "Rogers", "Ellis", "Reynolds", "Ashworth", "Ramsbottom", "Sutcliffe",
            "Whitehead", "Ackroyd", "Featherstone", "Higginbottom", "Fairclough", "Butterworth", "Greenwood", "Hargreaves",
            "Atkinson", "Brooks", "Lambert", "Barker", "Holt", "Nicholls", "Payne", "Palmer", "Kemp", "Gibson",
        ])

    static let scottish = NameGroup(
        female: [
            "Morag", "Catriona", "Kirsty", "Fiona", "Eilidh", "Isla", "Mhairi", "Ailsa", "Shona", "Iona",
            "Elspeth", "Heather", "Lorna", "Rhona", "Kirsteen", "Skye", "Jean", "Moira",
        ],
        male: [
            "Alasdair", "Angus", "Callum", "Euan", "Fraser", "Hamish", "Iain", "Lachlan", "Ruaridh", "Ross",
            "Duncan", "Fergus", "Calum", "Murdo", "Gregor", "Alistair", "Craig", "Finlay",
        ],
        surnames: [
            "MacDonald", "Campbell", "Stewart", "Robertson", "Thomson", "Anderson", "MacLeod", "McKenzie", "Fraser",
            "Murray", "Henderson", "Ross", "Paterson", "Sinclair", "Grant", "McIntyre", "Kerr", "Buchanan",
            "Drummond", "Cameron", "McGregor", "MacKay", "Ferguson", "Reid", "Crawford", "Urquhart", "McAllister",
        ])

    static let welsh = NameGroup(
        female: [
            "Siân", "Rhiannon", "Cerys", "Catrin", "Gwen", "Ffion", "Megan", "Nia", "Bethan", "Angharad",
            "Eleri", "Seren", "Non", "Lowri", "Elin", "Gwenllian", "Mererid", "Heledd",
        ],
        male: [
            "Dafydd", "Rhys", "Gareth", "Dylan", "Gethin", "Huw", "Iwan", "Aled", "Emyr", "Ieuan",
            "Owain", "Llŷr", "Geraint", "Rhodri", "Gruffydd", "Islwyn", "Tomos", "Osian",
        ],
        neutral: ["Morgan", "Rhian", "Eirian"],
        surnames: [
            "Jones", "Williams", "Davies", "Evans", "Thomas", "Roberts", "Hughes", "Lewis", "Morgan", "Griffiths",
            "Owen", "Price", "Pritchard", "Rees", "Jenkins", "Powell", "Vaughan", "Bowen", "Llewellyn", "ap Rhys",
            "Prosser", "Parry", "Probert", "Bevan", "Cadwaladr", "Llywelyn",
        ])

    static let irish = NameGroup(
        female: [
            "Aoife", "Niamh", "Siobhán", "Saoirse", "Orla", "Róisín", "Caoimhe", "Clodagh", "Gráinne", "Mairéad",
            "Bríd", "Deirdre", "Sinéad", "Aisling", "Ciara", "Maeve", "Nuala", "Úna",
        ],
        male: [
            "Seán", "Ciarán", "Darragh", "Eoin", "Pádraig", "Cathal", "Declan", "Liam", "Conor", "Oisín",
            "Dónal", "Fergal", "Colm", "Ruairí", "Diarmuid", "Niall", "Cormac", "Brendan",
        ],
        surnames: [
            "Murphy", "Kelly", "O'Sullivan", "Walsh", "O'Brien", "Byrne", "Ryan", "O'Connor", "O'Neill", "O'Reilly",
            "Doyle", "McCarthy", "Gallagher", "Doherty", "Kennedy", "Lynch", "Quinn", "McLaughlin", "Brennan",
            "Fitzgerald", "Keane", "Nolan", "O'Donnell", "Ó Súilleabháin", "Mac Giolla Phádraig", "Ní Bhriain",
            "O'Shea", "Flanagan", "Hegarty", "Moloney",
        ])
}
