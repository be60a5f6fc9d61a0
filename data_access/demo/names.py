"""Name pools for the fictional population of Millbrook.

Search has to cope with the names a northern English city actually holds:
apostrophes, hyphens, double-barrelled surnames with a space, diacritics, the
many spellings of Muhammad, surnames that change with gender (Polish,
Lithuanian) or are not shared by the family (Somali patronymics, women who
keep their own name). Every combination is generic: first names and surnames
are drawn independently, so no real person is described.

Heritage weights are rough shares of the people in a large English
metropolitan borough, not census figures. Within a pool, names are listed
most common first and drawn with weights that fall with the rank, so that
searches meet common names often and rare ones now and then.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Heritage:
    """Naming customs of one community; pools are by generation because a
    ten-year-old Olivia and a seventy-year-old Margaret are both typical."""

    key: str
    weight: int
    girls: tuple[str, ...]
    boys: tuple[str, ...]
    women: tuple[str, ...]
    men: tuple[str, ...]
    older_women: tuple[str, ...]
    older_men: tuple[str, ...]
    # "Kowalski/Kowalska": the male and female form of a gendered surname.
    surnames: tuple[str, ...]
    # Share of married women recorded under their husband's surname.
    takes_husbands_name: float
    # Somali custom: a child's surname is the father's first name.
    patronymic: bool = False
    # Surnames some women carry whatever the family name: "Begum", or
    # "Singh/Kaur" where the men of the family carry another.
    womens_surnames: tuple[str, ...] = ()
    # Double-barrelled and other compound surnames: a few families only.
    compound_surnames: tuple[str, ...] = ()


def _split(text: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in text.split(",") if part.strip())


WHITE_BRITISH = Heritage(
    key="white_british",
    weight=560,
    girls=_split(
        "Olivia, Amelia, Isla, Ava, Mia, Ivy, Lily, Isabella, Rosie, Sophia, Grace, Freya,"
        " Poppy, Evie, Ella, Florence, Willow, Daisy, Sienna, Elsie, Chloë, Zoë, Ruby,"
        " Phoebe, Millie, Harper, Erin, Holly, Megan, Lacey-Mae, Ellie-May, Bethany,"
        " Jessica, Lucy, Matilda, Esmé, Maisie, Scarlett, Emily, Charlotte, Katie"
    ),
    boys=_split(
        "Oliver, George, Noah, Arthur, Leo, Harry, Oscar, Archie, Jack, Charlie, Freddie,"
        " Alfie, Theo, Henry, Thomas, Jacob, Joshua, Riley, Tommy, Jayden, Mason, Kai,"
        " Logan, Reggie, Tyler, Callum, Lewis, Ethan, Dylan, Liam, Alfred, William, Jake,"
        " Kyle, Connor, Bobby, Max, Finley, Louie, Ronnie, Teddy, Albert"
    ),
    women=_split(
        "Sarah, Emma, Laura, Rebecca, Claire, Gemma, Amy, Jessica, Hannah, Leanne, Kelly,"
        " Stacey, Danielle, Jade, Kirsty, Lauren, Natalie, Katherine, Nicola, Michelle,"
        " Charlotte, Samantha, Joanne, Lisa, Kerry, Victoria, Zoë, Chloë, Rachel, Amanda,"
        " Elizabeth, Louise, Hayley, Stephanie, Jennifer"
    ),
    men=_split(
        "David, James, Daniel, Michael, Christopher, Matthew, Andrew, Mark, Paul, Richard,"
        " Robert, Lee, Craig, Ryan, Jamie, Wayne, Dean, Steven, Carl, Thomas, Scott, Gareth,"
        " William, Jonathan, Anthony, Darren, Adam, Stuart, Nathan, Ashley, Gary, Jason,"
        " Liam, Alexander, Edward"
    ),
    older_women=_split(
        "Margaret, Patricia, Susan, Linda, Christine, Janet, Carol, Elizabeth, Jean,"
        " Barbara, Sandra, Pauline, Maureen, Kathleen, Brenda, Irene, Dorothy, Valerie,"
        " Sheila, Joan, Gillian, Jacqueline, Ann, Doreen, Katherine, Julie"
    ),
    older_men=_split(
        "John, David, Robert, Michael, Peter, William, Brian, Alan, Keith, Kenneth, Stephen,"
        " Anthony, Terence, Raymond, Derek, Alfred, Frederick, Geoffrey, Roy, Barry, Colin,"
        " Graham, Trevor, Malcolm, Dennis, Edward, Richard"
    ),
    surnames=_split(
        "Smith, Jones, Taylor, Brown, Williams, Wilson, Johnson, Davies, Robinson, Wright,"
        " Thompson, Evans, Walker, White, Roberts, Green, Hall, Wood, Jackson, Clarke,"
        " Hughes, Edwards, Turner, Hill, Moore, Cooper, Ward, Harris, Lewis, Martin, Baker,"
        " Allen, Shaw, Holt, Whitworth, Ashworth, Butterworth, Hargreaves, Greenwood,"
        " Sutcliffe, Lord, Kershaw, Pickles, Heywood, Barlow, Entwistle, Ainsworth, Haworth,"
        " Lees, Booth, Fletcher, Ogden, Schofield, Crossley, Bradshaw, Kenyon, Openshaw,"
        " Pilkington, Marsden, Howarth, MacDonald, McKenzie, McAllister, Campbell, Stewart"
    ),
    takes_husbands_name=0.8,
    compound_surnames=_split(
        "Smith-Jones, Taylor-Hughes, Hall-Wright, Ashton-Lees, Booth-Kenyon,"
        " Lloyd Davies, Vaughan Jones, Rhys Morgan, Wynne Evans, Ashby Clarke"
    ),
)

IRISH = Heritage(
    key="irish",
    weight=30,
    girls=_split("Aoife, Niamh, Saoirse, Róisín, Ciara, Orla, Caoimhe, Clodagh, Erin, Sophie"),
    boys=_split("Cian, Oisín, Darragh, Seán, Conor, Liam, Fionn, Ciarán, Rory, Cillian"),
    women=_split("Siobhán, Sinéad, Niamh, Aoife, Ciara, Orla, Bríd, Deirdre, Gráinne, Mairéad"),
    men=_split("Seán, Ciarán, Pádraig, Eoin, Declan, Conor, Niall, Colm, Liam, Brendan"),
    older_women=_split("Bridget, Mary, Kathleen, Noreen, Eileen, Siobhán, Maureen, Philomena"),
    older_men=_split("Patrick, Michael, Seamus, Gerard, Francis, Joseph, Dermot, Pádraig"),
    surnames=_split(
        "O'Connor, O'Brien, Murphy, Kelly, O'Sullivan, Walsh, McCarthy, O'Neill, Byrne,"
        " Doyle, Gallagher, MacNamara, O'Reilly, Fitzgerald, Quinn, O'Donnell, Brennan"
    ),
    takes_husbands_name=0.75,
    compound_surnames=_split(
        "Ó Súilleabháin/Ní Shúilleabháin, Ó Briain/Ní Bhriain,"
        " Mac Giolla Phádraig/Nic Giolla Phádraig"
    ),
)

PAKISTANI = Heritage(
    key="pakistani",
    weight=80,
    girls=_split(
        "Ayesha, Fatima, Zainab, Maryam, Aaliyah, Hafsa, Khadija, Inaya, Zara, Hania,"
        " Eman, Anaya, Iqra, Noor, Mahnoor"
    ),
    boys=_split(
        "Muhammad, Mohammed, Mohammad, Muhammed, Ibrahim, Yusuf, Hamza, Zain, Ayaan,"
        " Bilal, Musa, Umar, Rayyan, Muhammad Ali, Abdullah, Zayan, Haris"
    ),
    women=_split(
        "Sana, Nadia, Saima, Shazia, Rubina, Amina, Ayesha, Fatima, Samina, Sadia,"
        " Uzma, Farah, Nosheen, Bushra, Asma"
    ),
    men=_split(
        "Mohammed, Muhammad, Imran, Asif, Tariq, Bilal, Kashif, Adnan, Waqas, Usman,"
        " Amjad, Shahid, Naveed, Zubair, Mohammad"
    ),
    older_women=_split("Nasreen, Parveen, Zubaida, Shamim, Razia, Khalida, Naseem"),
    older_men=_split("Mohammed, Muhammad, Abdul, Ghulam, Mushtaq, Rafiq, Bashir, Nazir"),
    surnames=_split(
        "Khan, Hussain, Ahmed, Ali, Iqbal, Shah, Akhtar, Mahmood, Butt, Rashid,"
        " Qureshi, Malik, Raza, Aslam, Mohammed, Chaudhry, Javed"
    ),
    takes_husbands_name=0.45,
    compound_surnames=_split("Hussain-Shah, Syed Ali"),
    womens_surnames=_split("Bibi, Akhtar, Kausar, Begum"),
)

INDIAN = Heritage(
    key="indian",
    weight=35,
    girls=_split("Aanya, Diya, Anika, Riya, Priya, Simran, Jasleen, Amara, Kiara, Navya"),
    boys=_split("Aarav, Arjun, Vihaan, Reyansh, Krish, Rohan, Arjan, Jai, Dev, Kabir"),
    women=_split(
        "Priya, Anjali, Deepa, Harpreet, Simran, Navdeep, Pooja, Sunita, Neha, Kavita,"
        " Manpreet, Rekha"
    ),
    men=_split(
        "Rajesh, Sanjay, Vikram, Amit, Gurpreet, Jaspreet, Harjit, Nikhil, Ravi, Suresh,"
        " Rahul, Deepak"
    ),
    older_women=_split("Kamla, Savitri, Surinder, Gurmit, Pushpa, Kanta"),
    older_men=_split("Mohan, Balwinder, Harbans, Ramesh, Kuldip, Naresh"),
    surnames=_split(
        "Patel, Sharma, Singh, Gupta, Mistry, Desai, Parmar, Chauhan, Joshi, Gill,"
        " Sandhu, Dhillon, D'Souza, Fernandes, D'Mello, Pereira, Lal, Kumar"
    ),
    takes_husbands_name=0.7,
    womens_surnames=_split("Singh/Kaur"),
)

BANGLADESHI = Heritage(
    key="bangladeshi",
    weight=25,
    girls=_split("Sumaiya, Jannat, Nusrat, Tasnim, Ruqayyah, Mariam, Safa, Aisha"),
    boys=_split("Rayhan, Tanvir, Ayaan, Mohammed, Sami, Ishaq, Arif, Zakaria"),
    women=_split("Nazma, Shamima, Rokeya, Tahmina, Shirin, Rumana, Salma, Jesmin"),
    men=_split("Abdul, Mohammed, Shahid, Rafiq, Jamal, Sayed, Kamal, Mizanur"),
    older_women=_split("Rahima, Jahanara, Momtaz, Sufia"),
    older_men=_split("Abdul, Mohammed, Habibur, Siraj"),
    surnames=_split("Miah, Uddin, Rahman, Islam, Ahmed, Hussain, Chowdhury, Hoque, Ali, Khan"),
    takes_husbands_name=0.3,
    womens_surnames=_split("Begum, Khatun, Bibi"),
)

NIGERIAN = Heritage(
    key="nigerian",
    weight=25,
    girls=_split(
        "Precious, Blessing, Favour, Chiamaka, Adaeze, Ayomide, Temitope, Oluwadamilola,"
        " Zion, Esther"
    ),
    boys=_split("Daniel, David, Joshua, Chidi, Tobi, Ayodele, Emmanuel, Somtochukwu, Femi"),
    women=_split("Folake, Ngozi, Chioma, Funmilayo, Adaeze, Bukola, Grace, Yetunde, Uche"),
    men=_split("Emeka, Tunde, Oluwaseun, Chinedu, Babajide, Obinna, Kunle, Ifeanyi, Segun"),
    older_women=_split("Comfort, Felicia, Abimbola, Nkechi"),
    older_men=_split("Olusegun, Chukwuma, Adewale, Festus"),
    surnames=_split(
        "Adebayo, Okafor, Okoro, Adeyemi, Chukwu, Nwosu, Eze, Balogun, Ogunleye, Oyelaran,"
        " Nwachukwu, Adeleke, Okonkwo"
    ),
    takes_husbands_name=0.85,
    compound_surnames=_split("Adesanya-Smith, Okafor-Brown"),
)

SOMALI = Heritage(
    key="somali",
    weight=20,
    girls=_split("Ayaan, Hibo, Sagal, Ifrah, Amina, Hamdi, Najma, Idil, Hodan"),
    boys=_split("Abdi, Mohamed, Abdirahman, Abdullahi, Yusuf, Hassan, Ilyas, Zakariye"),
    women=_split("Hodan, Fadumo, Amina, Hibo, Sahra, Nimco, Ubah, Hawa, Sagal"),
    men=_split("Abdi, Mohamed, Ahmed, Abdirahman, Abdullahi, Hassan, Omar, Ali, Mahamed"),
    older_women=_split("Halima, Khadija, Maryan, Asha"),
    older_men=_split("Mohamed, Ismail, Jama, Osman"),
    surnames=_split(
        "Hassan, Abdi, Farah, Warsame, Jama, Mohamed, Ali, Osman, Ismail, Nur, Aden, Duale"
    ),
    takes_husbands_name=0.05,
    patronymic=True,
)

GHANAIAN = Heritage(
    key="ghanaian",
    weight=12,
    girls=_split("Ama, Akosua, Abena, Efua, Nana, Adwoa, Serwaa"),
    boys=_split("Kwame, Kofi, Kwabena, Yaw, Kojo, Kwaku, Nana"),
    women=_split("Ama, Akosua, Abena, Efua, Esi, Afia, Gifty"),
    men=_split("Kwame, Kofi, Kwabena, Yaw, Kwesi, Ebenezer, Samuel"),
    older_women=_split("Agnes, Dora, Yaa"),
    older_men=_split("Kwadwo, Kwasi, Francis"),
    surnames=_split("Mensah, Owusu, Boateng, Asante, Osei, Agyeman, Appiah, Darko, Amoah, Ofori"),
    takes_husbands_name=0.7,
)

CARIBBEAN = Heritage(
    key="caribbean",
    weight=30,
    girls=_split("Shanice, Tia, Aaliyah, Nia, Jada, Kiara, Amani, Imani"),
    boys=_split("Tyrese, Jaden, Malachi, Kemar, Jahmal, Kairo, Isaiah, Amari"),
    women=_split("Shanice, Marcia, Beverley, Simone, Keisha, Natasha, Tanya, Chantelle"),
    men=_split("Tyrone, Jermaine, Delroy, Andre, Marlon, Dwayne, Leon, Clive"),
    older_women=_split("Beverley, Hyacinth, Gloria, Pearline, Merle"),
    older_men=_split("Winston, Leroy, Errol, Desmond, Lloyd"),
    surnames=_split(
        "Campbell, Brown, Williams, Clarke, Reid, Francis, Edwards, Thompson, Grant,"
        " Morgan, Bailey, Henry, McKenzie"
    ),
    takes_husbands_name=0.7,
    compound_surnames=_split("Lewis-Grant, Campbell-Reid"),
)

POLISH = Heritage(
    key="polish",
    weight=30,
    girls=_split("Zofia, Zuzanna, Natalia, Wiktoria, Maja, Julia, Hanna, Lena, Oliwia"),
    boys=_split("Jakub, Kacper, Mateusz, Szymon, Filip, Antoni, Wojciech, Łukasz, Igor"),
    women=_split("Małgorzata, Agnieszka, Katarzyna, Joanna, Magdalena, Ewa, Anna, Dorota"),
    men=_split("Łukasz, Piotr, Tomasz, Krzysztof, Paweł, Bartłomiej, Michał, Marcin"),
    older_women=_split("Halina, Krystyna, Danuta, Teresa, Grażyna"),
    older_men=_split("Stanisław, Zbigniew, Jerzy, Andrzej, Tadeusz"),
    surnames=_split(
        "Nowak, Kowalski/Kowalska, Wiśniewski/Wiśniewska, Wójcik, Kamiński/Kamińska,"
        " Lewandowski/Lewandowska, Zieliński/Zielińska, Szymański/Szymańska, Woźniak,"
        " Dąbrowski/Dąbrowska, Kozłowski/Kozłowska, Mazur, Krawczyk, Grabowski/Grabowska"
    ),
    takes_husbands_name=0.9,
)

ROMANIAN = Heritage(
    key="romanian",
    weight=20,
    girls=_split("Maria, Ioana, Elena, Sofia, Daria, Bianca, Ana-Maria, Alesia"),
    boys=_split("Ștefan, Andrei, David, Luca, Matei, Alexandru, Ionuț, Darius"),
    women=_split("Andreea, Ioana, Mădălina, Elena, Alexandra, Cristina, Denisa, Ana-Maria"),
    men=_split("Ștefan, Andrei, Ionuț, Alexandru, Mihai, Florin, Răzvan, Cosmin"),
    older_women=_split("Florica, Viorica, Maria, Rodica"),
    older_men=_split("Gheorghe, Constantin, Vasile, Ion"),
    surnames=_split(
        "Popescu, Ionescu, Popa, Dumitru, Stan, Stoica, Gheorghe, Rusu, Munteanu,"
        " Constantinescu, Lupu, Neagu, Țurcanu, Bălan"
    ),
    takes_husbands_name=0.9,
)

LITHUANIAN = Heritage(
    key="lithuanian",
    weight=10,
    girls=_split("Austėja, Emilija, Gabija, Ugnė, Lukrecija, Kamilė"),
    boys=_split("Lukas, Matas, Dovydas, Jokūbas, Nojus, Benas"),
    women=_split("Rūta, Eglė, Aistė, Gintarė, Laura, Greta, Ieva, Jurgita"),
    men=_split("Jonas, Tomas, Mantas, Darius, Vytautas, Žygimantas, Andrius, Mindaugas"),
    older_women=_split("Birutė, Danutė, Aldona"),
    older_men=_split("Algirdas, Kęstutis, Petras"),
    surnames=_split(
        "Kazlauskas/Kazlauskienė, Jankauskas/Jankauskienė, Petrauskas/Petrauskienė,"
        " Stankevičius/Stankevičienė, Vasiliauskas/Vasiliauskienė, Žukauskas/Žukauskienė,"
        " Butkus/Butkienė, Paulauskas/Paulauskienė"
    ),
    takes_husbands_name=0.9,
)

CHINESE = Heritage(
    key="chinese",
    weight=20,
    girls=_split("Mei, Jessica, Grace, Chloe, Yan, Xin Yi, Emily, Jing"),
    boys=_split("Ethan, Jason, Hao, Jun, Ryan, Zi Hao, Lucas, Wei"),
    women=_split("Mei, Li Na, Jing, Hui, Yan, Xiu Ying, Ling, Fiona"),
    men=_split("Wei, Jun, Ming, Jian, Kevin, Hao, Tony, Cheng"),
    older_women=_split("Siu Mei, Lai Ying, Xiu Lan"),
    older_men=_split("Kwok Wai, Chi Keung, Guo Qiang"),
    surnames=_split(
        "Wong, Chan, Li, Cheung, Lau, Ng, Leung, Zhang, Wang, Chen, Liu, Yang, Huang, Lam"
    ),
    takes_husbands_name=0.3,
)

PORTUGUESE = Heritage(
    key="portuguese",
    weight=10,
    girls=_split("Beatriz, Inês, Sofia, Leonor, Matilde, Lara"),
    boys=_split("João, Tiago, Rodrigo, Martim, Santiago, Tomás"),
    women=_split("Ana, Conceição, Inês, Joana, Patrícia, Sónia"),
    men=_split("José, João, Rui, Nuno, Tiago, Sérgio"),
    older_women=_split("Maria, Conceição, Fátima"),
    older_men=_split("José, António, Manuel"),
    surnames=_split("Silva, Santos, Ferreira, Pereira, Costa, Rodrigues, Gonçalves, Fernandes"),
    takes_husbands_name=0.6,
)

ARAB_KURDISH = Heritage(
    key="arab_kurdish",
    weight=15,
    girls=_split("Maryam, Lana, Sidra, Rania, Hana, Shilan, Noor"),
    boys=_split("Omar, Yousef, Mohamed, Karim, Rebin, Adam, Ali"),
    women=_split("Rania, Dalia, Leila, Shirin, Huda, Nasrin"),
    men=_split("Mohamed, Ahmad, Khalid, Karwan, Hassan, Saman, Mohammad"),
    older_women=_split("Fatima, Zahra"),
    older_men=_split("Abdullah, Mahmoud"),
    surnames=_split("Al-Hassan, Abdullah, Mahmoud, Rahimi, Ahmadi, Karimi, El-Sayed, Saleh, Hamad"),
    takes_husbands_name=0.2,
)

HERITAGES: tuple[Heritage, ...] = (
    WHITE_BRITISH,
    IRISH,
    PAKISTANI,
    INDIAN,
    BANGLADESHI,
    NIGERIAN,
    SOMALI,
    GHANAIAN,
    CARIBBEAN,
    POLISH,
    ROMANIAN,
    LITHUANIAN,
    CHINESE,
    PORTUGUESE,
    ARAB_KURDISH,
)

# Short forms that case records hold instead of the name on the birth
# certificate, or record as a preferred name. Search has to match both ways.
NICKNAMES: dict[str, tuple[str, ...]] = {
    "Robert": ("Bob", "Rob", "Bobby"),
    "William": ("Bill", "Liam", "Will"),
    "Alfred": ("Alfie", "Alf"),
    "Katherine": ("Kate", "Katie", "Kath"),
    "Elizabeth": ("Liz", "Beth", "Lizzie"),
    "Margaret": ("Maggie", "Peggy"),
    "James": ("Jim", "Jimmy", "Jamie"),
    "Michael": ("Mike", "Mick"),
    "Anthony": ("Tony",),
    "Stephen": ("Steve",),
    "Christopher": ("Chris",),
    "Thomas": ("Tom", "Tommy"),
    "Daniel": ("Dan", "Danny"),
    "Samantha": ("Sam",),
    "Jessica": ("Jess",),
    "Rebecca": ("Becky",),
    "Alexander": ("Alex",),
    "Richard": ("Rich", "Dick"),
    "Edward": ("Ted", "Eddie"),
    "Patricia": ("Pat", "Trish"),
    "Susan": ("Sue",),
    "Frederick": ("Fred", "Freddie"),
    "Nicola": ("Nicky",),
    "Jennifer": ("Jen", "Jenny"),
    "Jacqueline": ("Jackie",),
    "Kenneth": ("Ken", "Kenny"),
    "Matthew": ("Matt",),
    "Jonathan": ("Jon",),
    "Victoria": ("Vicky",),
    "Stephanie": ("Steph",),
    "Pádraig": ("Paddy",),
    "Patrick": ("Paddy",),
    "Bartłomiej": ("Bartek",),
    "Małgorzata": ("Gosia",),
    "Katarzyna": ("Kasia",),
    "Aleksandra": ("Ola",),
    "Oluwaseun": ("Seun",),
    "Oluwadamilola": ("Dami",),
    "Temitope": ("Tope",),
    "Babajide": ("Jide",),
}

# Names some people use in English-speaking settings beside their own.
ANGLICISED: dict[str, str] = {
    "Wei": "William",
    "Jun": "John",
    "Hao": "Harry",
    "Mei": "May",
    "Xiu Ying": "Sharon",
    "Li Na": "Lina",
    "Jian": "Jack",
    "Łukasz": "Luke",
    "Wojciech": "Adam",
    "Małgorzata": "Margaret",
    "Kwabena": "Ben",
    "Ifeanyi": "Ify",
}
