/// Name tables for Britain's larger diaspora communities. As with the British Isles tables, the
/// people are invented; the names exercise accents, apostrophes and surnames that inflect.
extension NameGroup {
    static let southAsian = NameGroup(
        female: [
            "Priya", "Anjali", "Harpreet", "Sunita", "Nasreen", "Ayesha", "Fatima", "Shabana", "Rukhsana", "Nadia",
            "Sana", "Amrita", "Farzana", "Shilpa", "Rupinder", "Parveen", "Meera", "Zara", "Aisha", "Jaspreet",
            "Pooja", "Nusrat", "Salma", "Tahmina",
        ],
        male: [
            "Arjun", "Rajesh", "Sanjay", "Vikram", "Imran", "Mohammed", "Muhammad", "Tariq", "Asif", "Bilal",
            "Harjit", "Sukhdev", "Amit", "Ravi", "Rahul", "Zain", "Hamza", "Abdul", "Shahid", "Kamal",
            "Rohan", "Jaswinder", "Faisal", "Anwar",
        ],
        neutral: ["Gurpreet", "Kiran", "Amandeep", "Harjinder"],
        surnames: [
            "Patel", "Shah", "Khan", "Ahmed", "Hussain", "Ali", "Rahman", "Miah", "Uddin", "Islam",
            "Iqbal", "Akhtar", "Sharma", "Singh|Kaur", "Singh|Kaur", "Gill", "Sandhu", "Bains", "Dhillon", "Chopra",
            "Mistry", "Mehta", "Desai", "Chaudhry", "Qureshi", "Malik", "D'Souza", "Fernandes", "Uddin|Begum", "Choudhury",
        ])

    static let westAfrican = NameGroup(
        female: [
            "Chiamaka", "Ngozi", "Adaeze", "Folake", "Abena", "Ama", "Yaa", "Funmilayo", "Efua", "Blessing",
            "Temitope", "Nkechi",
        ],
        male: [
            "Chinedu", "Emeka", "Oluwaseun", "Kwame", "Kofi", "Yaw", "Tunde", "Babatunde", "Chukwuemeka", "Kwabena",
            "Femi", "Obinna",
        ],
        neutral: ["Ayo", "Tobi", "Dayo"],
        surnames: [
            "Adeyemi", "Okafor", "Okonkwo", "Balogun", "Adebayo", "Eze", "Nwosu", "Oyelaran", "Mensah", "Owusu",
            "Boateng", "Asante", "Appiah", "Oduya", "Adjei", "Ogunleye", "Nwachukwu", "Danquah", "N'Diaye", "Diallo",
        ])

    static let eastAfrican = NameGroup(
        female: ["Fadumo", "Hodan", "Amina", "Sagal", "Nimco", "Wanjiru", "Achieng", "Hibaq", "Faith", "Ifrah"],
        male: ["Abdirahman", "Abdullahi", "Mahamed", "Yusuf", "Omar", "Kamau", "Otieno", "Mwangi", "Tesfaye", "Dawit"],
        surnames: [
            "Mohamed", "Abdi", "Hassan", "Farah", "Ali", "Warsame", "Jama", "Osman", "Kariuki", "Odhiambo",
            "Mwangi", "Tesfaye", "Haile", "Abebe", "Nur",
        ])

    static let caribbean = NameGroup(
        female: [
            "Marcia", "Sonia", "Beverley", "Paulette", "Jacqueline", "Shanice", "Keisha", "Claudette", "Yvonne",
            "Marlene", "Tanisha", "Hyacinth",
        ],
        male: [
            "Delroy", "Winston", "Leroy", "Clive", "Errol", "Tyrone", "Jermaine", "Kemar", "Desmond", "Lloyd",
            "Marlon", "Everton",
        ],
        surnames: [
            "Campbell", "Brown", "Francis", "Grant", "Henry", "Clarke", "Thompson", "Reid", "Bailey", "Gordon",
            "Samuels", "Ferguson", "Morgan", "Powell", "Beckford", "McKenzie", "Simpson", "Bennett", "Anglin", "Forbes",
        ])

    static let polish = NameGroup(
        female: [
            "Agnieszka", "Małgorzata", "Katarzyna", "Zofia", "Joanna", "Magdalena", "Anna", "Ewa", "Aleksandra",
            "Karolina", "Dorota", "Beata",
        ],
        male: [
            "Łukasz", "Piotr", "Tomasz", "Paweł", "Krzysztof", "Michał", "Marek", "Wojciech", "Jakub", "Grzegorz",
            "Andrzej", "Bartłomiej",
        ],
        surnames: [
            "Nowak", "Kowalski", "Wiśniewski", "Wójcik", "Kowalczyk", "Kamiński", "Lewandowski", "Zieliński",
            "Szymański", "Woźniak", "Dąbrowski", "Kozłowski", "Jankowski", "Mazur", "Kwiatkowski", "Krawczyk",
            "Piotrowski", "Grabowski", "Pawłowski", "Michalski", "Zając", "Król", "Wieczorek", "Jabłoński",
            "Wróbel", "Sobczak", "Czerwiński", "Nowicki",
        ],
        inflects: true)

    static let mediterranean = NameGroup(
        female: [
            "Eleni", "Maria", "Sofia", "Ayşe", "Elif", "Inês", "Giulia", "Francesca", "Andreia", "Despina", "Zeynep",
            "Beatriz",
        ],
        male: [
            "Andreas", "Christos", "Mehmet", "Emre", "João", "José", "André", "Marco", "Giorgos", "Kemal", "Luca",
            "Tiago",
        ],
        surnames: [
            "Georgiou", "Christodoulou", "Papadopoulos", "Nikolaou", "Yılmaz", "Demir", "Kaya", "Şahin", "Öztürk",
            "Silva", "Santos", "Ferreira", "Gonçalves", "Rossi", "Bianchi", "Esposito", "Romano", "Constantinou",
            "Çelik", "Costa",
        ])

    static let eastAsian = NameGroup(
        female: ["Mei", "Xiu Ying", "Li Na", "Hui", "Jia", "Thi Lan", "Yuki", "Hana"],
        male: ["Wei", "Jun", "Hao", "Ming", "Kai", "Minh", "Hiroshi", "Jian"],
        neutral: ["Lin", "Yan", "An"],
        surnames: [
            "Chen", "Wang", "Li", "Zhang", "Liu", "Wong", "Chan", "Lam", "Cheung", "Ng", "Nguyen", "Tran",
            "Tanaka", "Lee",
        ])

    static let eastEuropean = NameGroup(
        female: ["Ioana", "Andreea", "Elena", "Daiva", "Ilze", "Kristina", "Jana", "Petra"],
        male: ["Andrei", "Mihai", "Ionuț", "Tomas", "Jānis", "Marius", "Dmytro", "Ondřej"],
        surnames: [
            "Popescu", "Ionescu", "Popa", "Dumitru", "Kazlauskas|Kazlauskienė", "Petrauskas|Petrauskienė",
            "Bērziņš|Bērziņa", "Kovalenko", "Shevchenko", "Novák|Nováková", "Horváth|Horváthová", "Dvořák|Dvořáková",
        ])
}
