"""Name pools for the fictional population of Millbrook.

Search has to cope with the names a northern English city actually holds:
apostrophes, hyphens, double-barrelled surnames with a space, diacritics, the
many spellings of Muhammad, surnames that change with gender (Polish,
Lithuanian) or are not shared by the family (Somali patronymics, women who
keep their own name). Every combination is generic: first names and surnames
are drawn independently, so no real person is described.

A real city's names are diverse: first names follow the fashion of the year
people were born in, surnames have a long tail (surnames.py), and families
of each heritage bring their own. Heritage weights are rough shares of the
people in a large English metropolitan borough, not census figures. Within a
pool, names are listed most common first and drawn with Zipf weights
(drawing.py), so searches meet common names often and rare ones now and then.
"""

from __future__ import annotations

from dataclasses import dataclass

from data_access.demo import surnames as sn
from data_access.demo.given_names import ENGLISH_DECADES, Decade
from data_access.demo.surnames import split as _split


@dataclass(frozen=True, slots=True)
class Heritage:
    """Naming customs of one community."""

    key: str
    weight: int
    # First names by year of birth, oldest first; the last decade is open-ended.
    decades: tuple[Decade, ...]
    # Most common first; "Kowalski/Kowalska": the male and female form.
    surnames: tuple[str, ...]
    # Zipf weights of the surnames: rank r (from 1) weighs (r + offset) ** -exponent.
    surname_zipf: tuple[float, float]
    # Share of married women recorded under their husband's surname.
    takes_husbands_name: float
    # Share of first names (and of surnames) from the majority's pools: many
    # Caribbean, Irish and Nigerian families carry English names too.
    english_first_names: float = 0.0
    english_surnames: float = 0.0
    # Somali custom: a child's surname is the father's first name.
    patronymic: bool = False
    # Surnames some women carry whatever the family name: "Begum", or
    # "Singh/Kaur" where the men of the family carry another.
    womens_surnames: tuple[str, ...] = ()
    womens_surname_share: float = 0.5
    # Compound surnames of the community's own (Welsh "Lloyd Davies", Irish
    # "Ó Súilleabháin"), and the share of surnames that join two drawn ones
    # ("Ashworth-Kaur"); children of unmarried parents get more (families.py).
    compound_surnames: tuple[str, ...] = ()
    hyphenated: float = 0.0

    def decade(self, year: int) -> Decade:
        """The first names of people born in `year`."""
        for decade in self.decades:
            if year <= decade[0]:
                return decade
        return self.decades[-1]


def _generations(
    older: tuple[str, str], adults: tuple[str, str], young: tuple[str, str], exponent: float = 0.9
) -> tuple[Decade, ...]:
    """Three generations: born before 1965, 1965 to 1994, and since (girls, then boys)."""
    return (
        (1964, _split(older[0]), _split(older[1]), exponent),
        (1994, _split(adults[0]), _split(adults[1]), exponent),
        (9999, _split(young[0]), _split(young[1]), exponent),
    )


def _joined(firsts: str, seconds: str, space: bool) -> tuple[str, ...]:
    """Two-syllable Chinese given names: "Xiaomin" in pinyin, "Wai Keung" in Cantonese."""
    return tuple(
        f"{first} {second}" if space else first + second.lower()
        for first in _split(firsts)
        for second in _split(seconds)
        if first != second
    )


WHITE_BRITISH = Heritage(
    key="white_british",
    weight=560,
    decades=ENGLISH_DECADES,
    surnames=sn.BRITISH,
    surname_zipf=(0.9, 5.0),
    takes_husbands_name=0.8,
    hyphenated=0.012,
    compound_surnames=_split(
        "Lloyd Davies, Vaughan Jones, Rhys Morgan, Wynne Evans, Ashby Clarke, Lloyd Williams,"
        " Parry Jones, Prys Owen, Lewis Evans, Gwynne Thomas"
    ),
)

IRISH = Heritage(
    key="irish",
    weight=30,
    decades=_generations(
        older=(
            "Bridget, Mary, Kathleen, Noreen, Eileen, Siobhán, Maureen, Philomena, Agnes,"
            " Assumpta, Bernadette, Breda, Carmel, Concepta, Ita, Josephine, Kitty, Margaret,"
            " Nora, Peig, Teresa, Brigid, Nuala, Mary Ellen",
            "Patrick, Michael, Seamus, Gerard, Francis, Joseph, Dermot, Pádraig, Brendan,"
            " Christy, Cornelius, Denis, Eugene, Fintan, Hugh, Kevin, Liam, Malachy, Noel,"
            " Owen, Sean, Thomas, Timothy, John Joe",
        ),
        adults=(
            "Siobhán, Sinéad, Niamh, Aoife, Ciara, Orla, Bríd, Deirdre, Gráinne, Mairéad,"
            " Aisling, Áine, Caitríona, Clare, Colette, Fionnuala, Geraldine, Maeve, Majella,"
            " Nuala, Róisín, Úna, Treasa, Siobhan, Sinead",
            "Seán, Ciarán, Pádraig, Eoin, Declan, Conor, Niall, Colm, Liam, Brendan, Aidan,"
            " Barry, Brian, Cathal, Damien, Dermot, Donal, Éamonn, Fergal, Kieran, Kevin,"
            " Martin, Ronan, Seamus, Shane, Tadhg, Sean, Ciaran",
        ),
        young=(
            "Aoife, Niamh, Saoirse, Róisín, Ciara, Orla, Caoimhe, Clodagh, Erin, Sophie,"
            " Aisling, Ailbhe, Éabha, Emer, Fiadh, Méabh, Muireann, Nessa, Ríona, Sadhbh,"
            " Siún, Síofra, Aoibhinn, Clíodhna, Eimear, Laoise, Shauna, Grace, Ellen",
            "Cian, Oisín, Darragh, Seán, Conor, Liam, Fionn, Ciarán, Rory, Cillian, Aodhán,"
            " Cathal, Colm, Donal, Eoghan, Eoin, Fiachra, Lorcan, Niall, Odhrán, Ruairí,"
            " Senan, Tadhg, Tiernan, Daithí, Diarmuid, Pádraig, Ronan, Cormac, Shane",
        ),
    ),
    surnames=sn.IRISH,
    surname_zipf=(0.8, 4.0),
    takes_husbands_name=0.75,
    hyphenated=0.008,
    english_first_names=0.5,
    english_surnames=0.15,
    compound_surnames=_split(
        "Ó Súilleabháin/Ní Shúilleabháin, Ó Briain/Ní Bhriain,"
        " Mac Giolla Phádraig/Nic Giolla Phádraig, Ó Ceallaigh/Ní Cheallaigh"
    ),
)

PAKISTANI = Heritage(
    key="pakistani",
    weight=80,
    decades=_generations(
        older=(
            "Nasreen, Parveen, Zubaida, Shamim, Razia, Khalida, Naseem, Bilqees, Hameeda,"
            " Jamila, Khurshid, Mumtaz, Rashida, Sakina, Sughra, Surayya, Zainab, Zohra,"
            " Fatima, Hajra, Irshad, Kaneez, Maqsooda, Noor Jahan, Rehmat, Saeeda, Shahnaz,"
            " Shakila, Tahira, Zaitoon, Bashiran, Ghulam Fatima, Allah Rakhi, Sharifa",
            "Mohammed, Muhammad, Abdul, Ghulam, Mushtaq, Rafiq, Bashir, Nazir, Akram, Aslam,"
            " Ashraf, Fazal, Hanif, Iqbal, Karam, Liaqat, Maqsood, Mumtaz, Nawaz, Rasheed,"
            " Sadiq, Sardar, Sharif, Yaqub, Younis, Zafar, Ahmed, Anwar, Arshad, Din, Feroz,"
            " Habib, Ishaq, Khadim, Latif, Manzoor, Nazar, Qurban, Raja, Sabir, Sultan, Tufail,"
            " Mohammad, Ghulam Rasool, Abdul Aziz, Allah Ditta",
        ),
        adults=(
            "Sana, Nadia, Saima, Shazia, Rubina, Amina, Ayesha, Fatima, Samina, Sadia, Uzma,"
            " Farah, Nosheen, Bushra, Asma, Aneela, Fozia, Ghazala, Hina, Humaira, Kiran,"
            " Lubna, Mehwish, Nabila, Naila, Nazia, Noreen, Rabia, Rehana, Robina, Rukhsana,"
            " Saba, Sabrina, Sajida, Samra, Shabana, Shagufta, Shaista, Shamaila, Shehnaz,"
            " Sobia, Sumera, Tahira, Tasneem, Yasmin, Zahida, Zakia, Zarina, Aisha, Amna,"
            " Anjum, Farzana, Fouzia, Huma, Irum, Mariam, Misbah, Nargis, Nasima, Rizwana,"
            " Ruqia, Sumaira, Tabassum, Kausar",
            "Mohammed, Muhammad, Imran, Asif, Tariq, Bilal, Kashif, Adnan, Waqas, Usman, Amjad,"
            " Shahid, Naveed, Zubair, Mohammad, Aamir, Abid, Adeel, Arif, Atif, Faisal, Fahim,"
            " Habib, Haroon, Irfan, Javed, Kamran, Khalid, Majid, Nadeem, Nasir, Omar, Qasim,"
            " Rizwan, Sajid, Salman, Shahzad, Shoaib, Sohail, Tahir, Tanveer, Umar, Wasim,"
            " Yasir, Zahid, Zeeshan, Zulfiqar, Azhar, Babar, Danish, Farhan, Ghulam, Hamid,"
            " Iftikhar, Ijaz, Junaid, Mansoor, Mubarak, Nabeel, Rashid, Shakeel, Shazad,"
            " Waheed, Muhammed, Mohammed Imran, Muhammad Asif, Mohammed Tariq",
        ),
        young=(
            "Ayesha, Fatima, Zainab, Maryam, Aaliyah, Hafsa, Khadija, Inaya, Zara, Hania, Eman,"
            " Anaya, Iqra, Noor, Mahnoor, Aisha, Amira, Alina, Aleena, Hoorain, Hareem, Haniya,"
            " Inaaya, Jannat, Laiba, Maira, Manahil, Mariam, Minahil, Muskan, Nimra, Rida, Safa,"
            " Sana, Sara, Sumaya, Umaima, Yusra, Zoya, Zahra, Amna, Anum, Areeba, Arisha, Esha,"
            " Habiba, Hiba, Hira, Huda, Irha, Javeria, Kinza, Madiha, Mehak, Mehreen, Momina,"
            " Rania, Rimsha, Saba, Sadia, Samia, Sidra, Sofia, Tayyaba, Tooba, Urwa, Wajiha,"
            " Zunaira, Abeeha, Alishba, Anabia, Dua, Eshal, Fiza, Haleema, Hamna, Ifrah,"
            " Khansa, Mahira, Mishal",
            "Muhammad, Mohammed, Mohammad, Muhammed, Ibrahim, Yusuf, Hamza, Zain, Ayaan, Bilal,"
            " Musa, Umar, Rayyan, Muhammad Ali, Abdullah, Zayan, Haris, Ali, Hassan, Hussain,"
            " Adam, Ahmed, Aryan, Ayan, Daniyal, Ehsan, Faizan, Haider, Ismail, Junaid, Khalid,"
            " Luqman, Mikaeel, Mustafa, Omar, Rehan, Saad, Sami, Shayan, Subhan, Talha, Usman,"
            " Uzair, Waleed, Yahya, Younis, Zakariya, Zayd, Abdul-Rahman, Ahmad, Arham, Ayub,"
            " Azaan, Dawud, Eesa, Hasnain, Idrees, Imran, Irfan, Jibril, Mikail, Moosa, Nabeel,"
            " Raheem, Rizwan, Sufyan, Taha, Umer, Waqas, Yaseen, Zaid, Zeeshan, Ammar, Arslan,"
            " Asad, Awais, Muhammad Ibrahim, Muhammad Hamza, Mohammed Zain",
        ),
    ),
    surnames=sn.PAKISTANI,
    surname_zipf=(1.0, 3.0),
    takes_husbands_name=0.45,
    womens_surname_share=0.25,
    compound_surnames=_split("Hussain-Shah, Syed Ali, Ali Khan, Ahmed Khan"),
    womens_surnames=_split("Bibi, Akhtar, Kausar, Begum"),
)

INDIAN = Heritage(
    key="indian",
    weight=20,
    decades=_generations(
        older=(
            "Kamla, Savitri, Pushpa, Kanta, Bhagwanti, Kailash, Krishna, Lakshmi, Nirmala,"
            " Parvati, Saroj, Shanti, Sita, Sudha, Sushila, Urmila, Usha, Vimla, Hansa, Kusum,"
            " Manjula, Pramila, Sarla, Veena, Maria, Philomena, Jayshree, Kokila, Madhu,"
            " Shobha, Lalita, Indira, Sarojini, Vasanti",
            "Mohan, Ramesh, Naresh, Bhagwan, Hari, Jagdish, Krishan, Mahendra, Manohar, Om,"
            " Prem, Rajendra, Ram, Satish, Shiv, Vinod, Bhupendra, Chandrakant, Girish,"
            " Harish, Jayant, Kantilal, Mahesh, Navin, Pravin, Vasant, Anthony, Francis,"
            " Arvind, Dilip, Ashwin, Jitendra, Natwar, Pradip, Suresh, Vijay",
        ),
        adults=(
            "Priya, Anjali, Deepa, Pooja, Sunita, Neha, Kavita, Rekha, Anita, Bhavna, Dipika,"
            " Geeta, Hema, Jyoti, Kiran, Meena, Monika, Nisha, Seema, Shilpa, Sonia, Swati,"
            " Vandana, Varsha, Asha, Dimple, Hina, Komal, Preeti, Rani, Ritu, Sarita, Sharmila,"
            " Lydia, Sheetal, Mira, Archana, Bindu, Chetna, Divya, Falguni, Hetal, Jigna,"
            " Kajal, Leena, Minal, Nikita, Pallavi, Rupal, Sapna, Trupti, Vaishali",
            "Rajesh, Sanjay, Vikram, Amit, Nikhil, Ravi, Suresh, Rahul, Deepak, Ajay, Anil,"
            " Ashok, Dinesh, Hitesh, Kamal, Manoj, Mukesh, Paresh, Pradeep, Rakesh, Ramesh,"
            " Sunil, Vijay, Vinod, Kalpesh, Mahesh, Nilesh, Raj, Rajiv, Sachin, Yogesh,"
            " Jason, Dominic, Alpesh, Bhavesh, Chirag, Dharmesh, Hiren, Jayesh, Ketan, Mitesh,"
            " Naveen, Prakash, Rupesh, Sameer, Tushar, Umesh, Viral",
        ),
        young=(
            "Aanya, Diya, Anika, Riya, Priya, Kiara, Navya, Aarohi, Anaya, Avni, Ishani, Isha,"
            " Jiya, Kavya, Khushi, Mahi, Meera, Mira, Nisha, Pari, Rhea, Saanvi, Sachi, Shreya,"
            " Sia, Tara, Trisha, Vanya, Tanvi, Anjali, Devika, Ekta, Janvi, Komal, Krisha,"
            " Mansi, Nikita, Pooja, Roshni, Sanaya, Shivani, Tanisha, Vidhi, Aashna, Bhakti,"
            " Dhriti, Esha, Hiral, Ira, Kashvi, Myra, Prisha, Ruhi, Siya, Zara",
            "Aarav, Arjun, Vihaan, Reyansh, Krish, Rohan, Jai, Dev, Kabir, Aryan, Ayaan, Dhruv,"
            " Ishaan, Karan, Kian, Manav, Neel, Om, Pranav, Rahul, Rishi, Rudra, Sahil, Sai,"
            " Shaan, Veer, Yash, Aditya, Akash, Amar, Anand, Tejas, Varun, Vikram, Ajay, Kunal,"
            " Nikhil, Parth, Raj, Sameer, Siddharth, Advik, Arnav, Dev, Hrithik, Jay, Kiaan,"
            " Laksh, Mihir, Nirav, Ved, Vivaan",
        ),
    ),
    surnames=sn.INDIAN,
    surname_zipf=(0.9, 2.0),
    takes_husbands_name=0.8,
    english_first_names=0.05,
)

SIKH = Heritage(
    key="sikh",
    weight=15,
    decades=_generations(
        older=(
            "Surinder, Gurmit, Jaswant, Mohinder, Amarjit, Balbir, Jasbir, Manjit, Kuldip,"
            " Harbans, Gurdev, Rajinder, Parkash, Charanjit, Darshan, Gian, Joginder,"
            " Karamjit, Narinder, Paramjit, Sarbjit, Satwant, Swaran, Kulwant, Harjinder,"
            " Gurbax, Jagdish, Nasib, Pritam, Resham",
            "Harbans, Balwinder, Kuldip, Gurbachan, Gurdial, Jaswant, Kashmir, Lakhbir,"
            " Mohinder, Santokh, Surjit, Swaran, Tarlochan, Ajit, Avtar, Baldev, Dalip,"
            " Darshan, Gurmail, Hardev, Harnek, Jagir, Joginder, Karnail, Kartar, Mohan,"
            " Pritam, Sohan, Tarsem, Bhajan, Gurnam, Nirmal, Piara, Ranjit, Amrik, Charan",
        ),
        adults=(
            "Harpreet, Manpreet, Jaspreet, Amandeep, Kulwinder, Rupinder, Sukhwinder,"
            " Parminder, Rajinder, Jasvinder, Mandeep, Navdeep, Sandeep, Gurpreet, Kamaljit,"
            " Hardeep, Lakhvir, Ravinder, Sarbjit, Harjit, Jasbir, Kiranjit, Baljinder,"
            " Pardeep, Balvinder, Davinder, Gurdeep, Gurjit, Jatinder, Kuljit, Manjinder,"
            " Narinder, Navneet, Rajvinder, Satvinder, Simran, Sukhjit, Tajinder, Amrit,"
            " Jasmin, Kiran, Rani, Sonia",
            "Gurpreet, Jaspreet, Harjit, Jatinder, Kuldeep, Sukhdev, Sukhwinder, Bhupinder,"
            " Daljit, Gurdeep, Hardeep, Jagdeep, Kamaljit, Navjot, Parminder, Satnam,"
            " Rajinder, Amrik, Baljit, Balvinder, Charanjit, Davinder, Dilbagh, Gurjit,"
            " Gurmit, Harvinder, Inderjit, Jasbir, Jaswinder, Kulwant, Lakhvinder, Mandeep,"
            " Manjit, Narinder, Paramjit, Rajvinder, Ranjit, Sarbjit, Satpal, Sukhjinder,"
            " Surinder, Tejinder, Amandeep, Sandeep, Manpreet, Harpreet",
        ),
        young=(
            "Jasleen, Simran, Harleen, Gurleen, Amrit, Navneet, Prabhleen, Sukhmani, Harnoor,"
            " Jasmeen, Jaspreet, Manreet, Noor, Amanpreet, Arshdeep, Avneet, Gurnoor,"
            " Harsimran, Ishleen, Jasnoor, Japji, Kirandeep, Mannat, Navleen, Parneet,"
            " Rajdeep, Ravneet, Sahiba, Taran, Amaya, Anaya, Kiara, Maya, Mia, Sienna, Leah,"
            " Priya, Riya, Simrat, Diya, Aasees, Ekamjot, Gurjot, Harmeet, Inayat",
            "Arjan, Jaskaran, Harjot, Gurveer, Jasraj, Manveer, Ranveer, Sukhraj, Arjun,"
            " Karan, Kabir, Veer, Jai, Dev, Ajeet, Armaan, Arshveer, Balraj, Fateh, Gurkirat,"
            " Gursimran, Harkirat, Harman, Harnoor, Jaskirat, Jasveer, Jobanpreet, Jujhar,"
            " Karanveer, Manraj, Nihal, Parambir, Prabhjot, Rajveer, Sahib, Sehaj, Simarjit,"
            " Tegbir, Yuvraj, Zorawar, Aarav, Rohan, Ravi, Sunny",
        ),
    ),
    surnames=sn.SIKH,
    surname_zipf=(0.9, 2.0),
    takes_husbands_name=0.7,
    english_first_names=0.05,
    womens_surnames=_split("Singh/Kaur"),
    womens_surname_share=0.6,
)

BANGLADESHI = Heritage(
    key="bangladeshi",
    weight=25,
    decades=_generations(
        older=(
            "Rahima, Jahanara, Momtaz, Sufia, Amena, Anwara, Fatema, Hajera, Jamila, Khadija,"
            " Kulsum, Lutfa, Majeda, Rabeya, Saleha, Sayera, Zohra, Rokeya",
            "Abdul, Mohammed, Habibur, Siraj, Abdur, Ataur, Fazlur, Lutfur, Motiur, Nurul,"
            " Shamsur, Sirajul, Tafazzul, Aftab, Afsar, Badsha, Ismail, Mohammed Ali",
        ),
        adults=(
            "Nazma, Shamima, Rokeya, Tahmina, Shirin, Rumana, Salma, Jesmin, Amena, Dilara,"
            " Fahmida, Farida, Fatema, Hasina, Hosne Ara, Jahanara, Kulsum, Laily, Mahmuda,"
            " Monowara, Nasrin, Parveen, Rahima, Rashida, Rehana, Rina, Roksana, Sabina,"
            " Shahana, Shanaz, Shilpi, Sufia, Sultana, Taslima",
            "Abdul, Mohammed, Shahid, Rafiq, Jamal, Sayed, Kamal, Mizanur, Abul, Alauddin,"
            " Anwar, Ashraf, Badrul, Delwar, Faruk, Habibur, Jahangir, Kabir, Lutfur, Mahbub,"
            " Mamun, Monir, Mostafa, Nazrul, Rashid, Rezaul, Ruhul, Shafiq, Shahjahan,"
            " Shamsul, Siraj, Sultan, Zakir, Abdul Karim, Mohammed Abdul",
        ),
        young=(
            "Sumaiya, Jannat, Nusrat, Tasnim, Ruqayyah, Mariam, Safa, Aisha, Afia, Amina,"
            " Anisa, Fahima, Farhana, Habiba, Humaira, Jamila, Labiba, Lamia, Maisha, Malaika,"
            " Nabila, Nafisa, Naima, Nazifa, Nishat, Rafia, Raisa, Rumana, Sabrina, Sadia,"
            " Samiha, Sanjida, Shifa, Sidra, Tahmina, Tanjila, Tasfia, Yasmin, Zakia",
            "Rayhan, Tanvir, Ayaan, Mohammed, Sami, Ishaq, Arif, Zakaria, Abdul, Abrar, Adnan,"
            " Ahnaf, Ahsan, Aminul, Ashiq, Faisal, Fahim, Habib, Hasan, Ibrahim, Imran, Jahid,"
            " Kamrul, Mahfuz, Masum, Mehedi, Mizan, Mubin, Nahid, Nayeem, Rafi, Rahim, Rakib,"
            " Raihan, Riyad, Sabbir, Sadiq, Saif, Shakil, Shamim, Sohel, Tamim, Tareq, Yasin,"
            " Zubair, Muhammad",
        ),
    ),
    surnames=sn.BANGLADESHI,
    surname_zipf=(1.0, 2.0),
    takes_husbands_name=0.3,
    womens_surnames=_split("Begum, Khatun, Bibi"),
)

NIGERIAN = Heritage(
    key="nigerian",
    weight=25,
    decades=_generations(
        older=(
            "Comfort, Felicia, Abimbola, Nkechi, Beatrice, Christiana, Dorcas, Esther, Grace,"
            " Iyabo, Janet, Mary, Mercy, Modupe, Ngozi, Olufunke, Patience, Rachael, Ronke,"
            " Victoria, Yemisi, Adebola, Florence, Bolanle",
            "Olusegun, Chukwuma, Adewale, Festus, Adeyemi, Augustine, Babatunde, Benedict,"
            " Chinedu, Clement, Ebenezer, Francis, Gabriel, Isaac, Jacob, Matthew, Michael,"
            " Moses, Oladele, Olumide, Patrick, Raphael, Samuel, Solomon, Sunday, Theophilus",
        ),
        adults=(
            "Folake, Ngozi, Chioma, Funmilayo, Adaeze, Bukola, Grace, Yetunde, Uche, Adenike,"
            " Adeola, Amaka, Bisola, Chinwe, Chinyere, Damilola, Ebere, Funke, Ifeoma, Ijeoma,"
            " Kemi, Kehinde, Lola, Modupe, Nkechi, Nneka, Olayinka, Omolara, Oyinkansola,"
            " Sade, Taiwo, Titilayo, Tolulope, Toyin, Uchenna, Yewande, Blessing, Patience,"
            " Joy, Esther",
            "Emeka, Tunde, Oluwaseun, Chinedu, Babajide, Obinna, Kunle, Ifeanyi, Segun,"
            " Adebayo, Akin, Ayodeji, Chidi, Chukwudi, Dapo, Femi, Gbenga, Ikechukwu, Kayode,"
            " Kehinde, Leke, Nnamdi, Olumide, Onyeka, Seun, Taiwo, Tobi, Uche, Wale, Yinka,"
            " Emmanuel, Samuel, Daniel, Peter, Joseph, Stephen, Victor, Godwin, Sunday,"
            " Kingsley, Chukwuemeka",
        ),
        young=(
            "Precious, Blessing, Favour, Chiamaka, Adaeze, Ayomide, Temitope, Oluwadamilola,"
            " Zion, Esther, Abigail, Amara, Anuoluwapo, Chidera, Chinonso, Chisom, Damilola,"
            " Deborah, Eniola, Faith, Ifeoma, Kemi, Mercy, Miracle, Moyinoluwa, Nneka, Ogechi,"
            " Praise, Princess, Ruth, Sharon, Tiwa, Tobiloba, Toluwani, Victoria, Ebunoluwa,"
            " Folasade, Ife, Ireoluwa, Jadesola, Olamide, Oyinda, Simi",
            "Daniel, David, Joshua, Chidi, Tobi, Ayodele, Emmanuel, Somtochukwu, Femi, Ayomide,"
            " Chukwuemeka, Divine, Ebuka, Ebube, Ifeanyi, Kelechi, Kene, Kosisochukwu,"
            " Marvellous, Michael, Nnamdi, Obinna, Olamide, Oluwaseun, Oluwatobi, Praise,"
            " Samuel, Somto, Timilehin, Tobiloba, Tolu, Victor, Wisdom, Ayomikun, Boluwatife,"
            " Chibuike, Elijah, Feranmi, Inioluwa, Isaac, Joel, Kayode, Kingsley, Moses, Seyi,"
            " Tomiwa",
        ),
    ),
    surnames=sn.NIGERIAN,
    surname_zipf=(0.8, 3.0),
    takes_husbands_name=0.85,
    hyphenated=0.01,
    english_first_names=0.25,
    compound_surnames=_split("Adesanya-Smith, Okafor-Brown"),
)

SOMALI = Heritage(
    key="somali",
    weight=20,
    decades=_generations(
        older=(
            "Halima, Khadija, Maryan, Asha, Fadumo, Hawa, Sahra, Ubah, Zeinab, Amina, Dahabo,"
            " Faadumo, Halimo, Istar, Shamso, Luul",
            "Mohamed, Ismail, Jama, Osman, Abdi, Ahmed, Ali, Farah, Hassan, Hersi, Hirsi, Nur,"
            " Omar, Said, Warsame, Yusuf, Aden, Elmi, Egal, Abdullahi",
        ),
        adults=(
            "Hodan, Fadumo, Amina, Hibo, Sahra, Nimco, Ubah, Hawa, Sagal, Asha, Deeqa,"
            " Faadumo, Halimo, Hinda, Ifrah, Khadija, Leila, Maryan, Muna, Nasra, Safiya,"
            " Shukri, Sucaad, Ayan, Fartun, Hamdi, Idil, Kaltun, Raho",
            "Abdi, Mohamed, Ahmed, Abdirahman, Abdullahi, Hassan, Omar, Ali, Mahamed,"
            " Abdikadir, Abdirashid, Abdisalan, Aden, Bashir, Farah, Hussein, Ibrahim,"
            " Ismail, Jama, Khalif, Liban, Mahad, Mohamud, Mukhtar, Nur, Osman, Said, Yasin,"
            " Yusuf, Warsame",
        ),
        young=(
            "Ayaan, Hibo, Sagal, Ifrah, Amina, Hamdi, Najma, Idil, Hodan, Anisa, Asma, Bilan,"
            " Deeqa, Faduma, Hafsa, Hanan, Hawa, Hibaaq, Iman, Ikran, Khadra, Layla, Maryam,"
            " Muna, Nasra, Ruqiya, Safiya, Sahra, Samira, Sumaya, Ubah, Yasmin, Zahra,"
            " Kawsar, Nimco, Fardowsa, Mulki",
            "Abdi, Mohamed, Abdirahman, Abdullahi, Yusuf, Hassan, Ilyas, Zakariye, Ahmed, Ali,"
            " Bilal, Hamza, Ibrahim, Ismail, Khalid, Liban, Mahad, Musa, Omar, Saeed,"
            " Suleiman, Yahya, Abdikarim, Abdiaziz, Abdiqani, Abdisalam, Adam, Ayub, Bashir,"
            " Faysal, Guled, Hussein, Idris, Jibril, Mustafe, Nuh, Osman, Yasin, Zakaria",
        ),
    ),
    surnames=sn.SOMALI,
    surname_zipf=(0.9, 2.0),
    takes_husbands_name=0.05,
    patronymic=True,
)

GHANAIAN = Heritage(
    key="ghanaian",
    weight=12,
    decades=_generations(
        older=(
            "Agnes, Dora, Yaa, Comfort, Grace, Elizabeth, Mary, Akua, Ama, Esther, Adwoa,"
            " Afua, Beatrice",
            "Kwadwo, Kwasi, Francis, Kofi, Kwame, Joseph, John, Peter, Samuel, Emmanuel,"
            " Kwaku, Yaw, Ebenezer",
        ),
        adults=(
            "Ama, Akosua, Abena, Efua, Esi, Afia, Gifty, Adwoa, Akua, Yaa, Araba, Comfort,"
            " Doris, Evelyn, Felicia, Georgina, Gladys, Joyce, Linda, Mavis, Patience,"
            " Priscilla, Rita, Vida, Agnes",
            "Kwame, Kofi, Kwabena, Yaw, Kwesi, Ebenezer, Samuel, Kwaku, Kwadwo, Kojo, Kwasi,"
            " Emmanuel, Isaac, Joseph, Francis, Richard, Stephen, Eric, Michael, Daniel,"
            " Godfred, Prince, Nana",
        ),
        young=(
            "Ama, Akosua, Abena, Efua, Nana, Adwoa, Serwaa, Afua, Akua, Esi, Adjoa, Ewurabena,"
            " Maame, Nhyira, Ohemaa, Abigail, Blessing, Grace, Priscilla, Naomi, Esther,"
            " Kezia, Lydia, Rebecca, Emmanuella, Christabel, Elikem, Enyonam, Dzifa",
            "Kwame, Kofi, Kwabena, Yaw, Kojo, Kwaku, Nana, Kwadwo, Kwasi, Kwesi, Ebo, Fiifi,"
            " Kobby, Nii, Elikem, Selasi, Emmanuel, Samuel, Daniel, Prince, Jeremiah, Caleb,"
            " Isaac, Nathaniel, Joel, Jesse, Michael, Richmond",
        ),
    ),
    surnames=sn.GHANAIAN,
    surname_zipf=(0.8, 2.0),
    takes_husbands_name=0.7,
    hyphenated=0.02,
    english_first_names=0.25,
)

CARIBBEAN = Heritage(
    key="caribbean",
    weight=30,
    decades=_generations(
        older=(
            "Beverley, Hyacinth, Gloria, Pearline, Merle, Blossom, Cynthia, Daphne, Dorothy,"
            " Enid, Eunice, Gwendolyn, Hortense, Icilda, Ivy, Lurline, Maud, Millicent,"
            " Myrtle, Olive, Pansy, Sybil, Una, Veronica, Violet, Monica, Winsome",
            "Winston, Leroy, Errol, Desmond, Lloyd, Aston, Basil, Cecil, Clinton, Cyril,"
            " Delroy, Egbert, Everald, Fitzgerald, Hopeton, Hubert, Linton, Lascelles, Milton,"
            " Neville, Ossie, Rupert, Sylvester, Vincent, Wesley, Alvin, Clifton, Dudley,"
            " Eustace, Granville, Roy",
        ),
        adults=(
            "Shanice, Marcia, Beverley, Simone, Keisha, Natasha, Tanya, Chantelle, Sonia,"
            " Paulette, Yvonne, Andrea, Annette, Claudette, Donna, Janice, Jacqueline,"
            " Jennifer, Joanne, Karlene, Lorna, Michelle, Nadine, Sharon, Sandra, Suzette,"
            " Tracey-Ann, Yolanda, Marlene, Charmaine, Judith, Sophia, Camille",
            "Tyrone, Jermaine, Delroy, Andre, Marlon, Dwayne, Leon, Clive, Carlton, Courtney,"
            " Dean, Devon, Everton, Fitzroy, Garfield, Junior, Kevin, Lloyd, Michael, Neville,"
            " Orville, Patrick, Richard, Rohan, Trevor, Wayne, Anthony, Barrington, Conrad,"
            " Dalton, Glenroy, Mark, Nigel, Paul, Ricardo, Steve, Tony",
        ),
        young=(
            "Shanice, Tia, Aaliyah, Nia, Jada, Kiara, Amani, Imani, Ashanti, Chantelle,"
            " Destiny, Jaida, Kayla, Keisha, Leah, Malia, Naomi, Nadia, Precious, Renée,"
            " Shanelle, Sherelle, Tamara, Tanisha, Tiana, Zara, Zion, Amara, Makayla, Nevaeh,"
            " Tyra, Simone, Jasmine, Janelle, Monique",
            "Tyrese, Jaden, Malachi, Kemar, Jahmal, Kairo, Isaiah, Amari, Andre, Darnell,"
            " Dante, Devante, Elijah, Jermaine, Josiah, Kai, Kaleb, Kareem, Kyrie, Levi,"
            " Marcus, Micah, Nathaniel, Omari, Reuben, Romario, Shaquille, Tajay, Tyrell,"
            " Xavier, Ezekiel, Joel, Jordan, Rashad, Jamal",
        ),
    ),
    surnames=sn.CARIBBEAN,
    surname_zipf=(0.8, 3.0),
    takes_husbands_name=0.7,
    hyphenated=0.012,
    english_first_names=0.5,
    english_surnames=0.35,
    compound_surnames=_split("Lewis-Grant, Campbell-Reid"),
)

POLISH = Heritage(
    key="polish",
    weight=30,
    decades=_generations(
        older=(
            "Halina, Krystyna, Danuta, Teresa, Grażyna, Barbara, Bożena, Elżbieta, Irena,"
            " Jadwiga, Janina, Maria, Stanisława, Wanda, Zofia, Jolanta, Alicja, Helena",
            "Stanisław, Zbigniew, Jerzy, Andrzej, Tadeusz, Janusz, Jan, Józef, Kazimierz,"
            " Ryszard, Władysław, Henryk, Wiesław, Zdzisław, Marian, Bogdan, Edward, Leszek",
        ),
        adults=(
            "Małgorzata, Agnieszka, Katarzyna, Joanna, Magdalena, Ewa, Anna, Dorota,"
            " Aleksandra, Monika, Marta, Justyna, Karolina, Beata, Iwona, Renata, Sylwia,"
            " Paulina, Natalia, Kamila, Izabela, Barbara, Edyta, Elżbieta, Aneta, Patrycja,"
            " Emilia, Marzena, Urszula, Weronika",
            "Łukasz, Piotr, Tomasz, Krzysztof, Paweł, Bartłomiej, Michał, Marcin, Andrzej,"
            " Adam, Arkadiusz, Damian, Dariusz, Grzegorz, Jacek, Jarosław, Kamil, Karol,"
            " Krystian, Maciej, Marek, Mariusz, Mateusz, Przemysław, Radosław, Rafał, Robert,"
            " Sebastian, Sławomir, Wojciech, Dawid, Artur, Daniel",
        ),
        young=(
            "Zofia, Zuzanna, Natalia, Wiktoria, Maja, Julia, Hanna, Lena, Oliwia, Alicja,"
            " Amelia, Aleksandra, Antonina, Gabriela, Helena, Kornelia, Laura, Martyna,"
            " Milena, Nikola, Pola, Weronika, Emilia, Nadia, Iga, Jagoda, Karolina, Klaudia,"
            " Paulina, Patrycja, Kinga",
            "Jakub, Kacper, Mateusz, Szymon, Filip, Antoni, Wojciech, Igor, Adam, Aleksander,"
            " Bartosz, Dawid, Dominik, Franciszek, Hubert, Jan, Kamil, Maksymilian, Marcel,"
            " Michał, Mikołaj, Nikodem, Oskar, Patryk, Piotr, Stanisław, Tymon, Wiktor,"
            " Tomasz, Oliwer, Miłosz, Łukasz",
        ),
    ),
    surnames=sn.POLISH,
    surname_zipf=(0.8, 3.0),
    takes_husbands_name=0.9,
    english_first_names=0.05,
)

ROMANIAN = Heritage(
    key="romanian",
    weight=20,
    decades=_generations(
        older=(
            "Florica, Viorica, Maria, Rodica, Elena, Ana, Aurelia, Doina, Ecaterina, Georgeta,"
            " Ileana, Lucia, Mariana, Niculina, Steliana, Valeria",
            "Gheorghe, Constantin, Vasile, Ion, Dumitru, Ioan, Mihai, Nicolae, Petru, Aurel,"
            " Costel, Dorel, Emil, Grigore, Marin, Mircea, Viorel",
        ),
        adults=(
            "Andreea, Ioana, Mădălina, Elena, Alexandra, Cristina, Denisa, Ana-Maria, Alina,"
            " Anca, Bianca, Camelia, Claudia, Corina, Daniela, Diana, Florentina, Gabriela,"
            " Georgiana, Irina, Laura, Loredana, Mihaela, Monica, Nicoleta, Oana, Ramona,"
            " Roxana, Simona, Violeta",
            "Ștefan, Andrei, Ionuț, Alexandru, Mihai, Florin, Răzvan, Cosmin, Adrian, Bogdan,"
            " Cătălin, Ciprian, Claudiu, Cristian, Daniel, Dragoș, Gabriel, George, Iulian,"
            " Liviu, Lucian, Marian, Marius, Nicolae, Ovidiu, Radu, Sorin, Valentin, Vasile,"
            " Victor",
        ),
        young=(
            "Maria, Ioana, Elena, Sofia, Daria, Bianca, Ana-Maria, Alesia, Alexia, Andra,"
            " Antonia, Carla, Denisa, Eva, Iasmina, Karina, Larisa, Maya, Miruna, Natalia,"
            " Patricia, Rebeca, Roberta, Sara, Teodora, Diana, Ilinca, Delia, Ariana, Raluca",
            "Ștefan, Andrei, David, Luca, Matei, Alexandru, Ionuț, Darius, Adrian, Alex,"
            " Bogdan, Cristian, Daniel, Eduard, Gabriel, Ianis, Mihai, Nicolas, Rareș, Robert,"
            " Sebastian, Tudor, Vlad, Denis, Fabian, Mario, Paul, Răzvan, Teodor, Victor",
        ),
    ),
    surnames=sn.ROMANIAN,
    surname_zipf=(0.8, 3.0),
    takes_husbands_name=0.9,
)

LITHUANIAN = Heritage(
    key="lithuanian",
    weight=10,
    decades=_generations(
        older=(
            "Birutė, Danutė, Aldona, Ona, Genovaitė, Irena, Janina, Regina, Stasė, Zita",
            "Algirdas, Kęstutis, Petras, Antanas, Juozas, Kazimieras, Stasys, Vladas,"
            " Vytautas, Romualdas",
        ),
        adults=(
            "Rūta, Eglė, Aistė, Gintarė, Laura, Greta, Ieva, Jurgita, Agnė, Asta, Daiva,"
            " Edita, Giedrė, Indrė, Inga, Jolanta, Justina, Kristina, Lina, Milda, Neringa,"
            " Rasa, Renata, Simona, Vaida, Vilma, Živilė",
            "Jonas, Tomas, Mantas, Darius, Vytautas, Žygimantas, Andrius, Mindaugas, Aurimas,"
            " Audrius, Arūnas, Deividas, Donatas, Egidijus, Giedrius, Linas, Marius, Nerijus,"
            " Paulius, Povilas, Ramūnas, Rimantas, Saulius, Tadas, Vaidas, Valdas",
        ),
        young=(
            "Austėja, Emilija, Gabija, Ugnė, Lukrecija, Kamilė, Adelė, Amelija, Barbora,"
            " Deimantė, Ema, Goda, Greta, Ieva, Karolina, Liepa, Marija, Miglė, Patricija,"
            " Rugilė, Smiltė, Urtė, Viktorija",
            "Lukas, Matas, Dovydas, Jokūbas, Nojus, Benas, Adomas, Arnas, Augustas, Dominykas,"
            " Emilis, Gabrielius, Herkus, Jonas, Kajus, Karolis, Mantas, Markas, Nedas, Rokas,"
            " Tomas, Vakaris, Titas, Justas",
        ),
    ),
    surnames=sn.LITHUANIAN,
    surname_zipf=(0.8, 3.0),
    takes_husbands_name=0.9,
)

_CHINESE_OLDER = (
    "Siu Mei, Lai Ying, Xiu Lan, Mei, "
    + ", ".join(
        _joined(
            "Wai, Siu, Ka, Man, Wing, Yuk, Sau, Shuk, Lai, Mei, Kam, Pui, Suk, Yin",
            "Ling, Mei, Ying, Fong, Yee, Lan, Wah, Han, Kuen, Yin, Chu, Sheung, Kwan, Fun, Ching",
            space=True,
        )
    ),
    "Kwok Wai, Chi Keung, Guo Qiang, Wei, "
    + ", ".join(
        _joined(
            "Wai, Kwok, Chi, Ka, Man, Kin, Wing, Kam, Chun, Tak, Hoi, Siu, Yiu, Chung",
            "Keung, Ming, Hung, Kei, Lun, Wai, Fai, Chung, Wah, Kit, Tong, Sing, Yan, Shing, Hon",
            space=True,
        )
    ),
)
_PINYIN_GIRLS = ", ".join(
    _joined(
        "Xiao, Jia, Yu, Hui, Mei, Li, Jing, Xin, Yan, Ying, Wen, Shu, Si, Zi, Meng, Yi, Ruo,"
        " Qian, Xue, Ting",
        "Min, Na, Lin, Yi, Han, Xuan, Qing, Rui, Yue, Ting, Hui, Jing, Wen, Ying, Xin, Lan,"
        " Fang, Jie, Ning, Yun",
        space=False,
    )
)
_PINYIN_BOYS = ", ".join(
    _joined(
        "Hao, Jun, Wei, Ming, Zi, Yu, Jia, Zhi, Jian, Tian, Hong, Xiao, Yi, Bo, Cheng, Kai,"
        " Rui, Jin, Zhen, Wen",
        "Hao, Yu, Xuan, Ran, Chen, Jie, Tao, Feng, Lei, Yang, Long, Bin, Hua, Qiang, Peng,"
        " Yong, Gang, Kang, Heng, Jun",
        space=False,
    )
)
CHINESE = Heritage(
    key="chinese",
    weight=20,
    decades=_generations(
        older=_CHINESE_OLDER,
        adults=(
            "Mei, Li Na, Jing, Hui, Yan, Xiu Ying, Ling, Fiona, Wei, " + _PINYIN_GIRLS,
            "Wei, Jun, Ming, Jian, Kevin, Hao, Tony, Cheng, " + _PINYIN_BOYS,
        ),
        young=(
            "Mei, Yan, Xin Yi, Jing, " + _PINYIN_GIRLS,
            "Hao, Jun, Zi Hao, Wei, " + _PINYIN_BOYS,
        ),
        exponent=0.6,
    ),
    surnames=sn.CHINESE,
    surname_zipf=(1.0, 2.0),
    takes_husbands_name=0.3,
    english_first_names=0.4,
)

PORTUGUESE = Heritage(
    key="portuguese",
    weight=10,
    decades=_generations(
        older=(
            "Maria, Conceição, Fátima, Rosa, Glória, Lurdes, Graça, Ilda, Irene, Natália,"
            " Olinda, Rosário, Teresa",
            "José, António, Manuel, Joaquim, Francisco, Armando, Fernando, Abílio, Alfredo,"
            " Artur, Domingos, Américo",
        ),
        adults=(
            "Ana, Conceição, Inês, Joana, Patrícia, Sónia, Andreia, Carla, Catarina, Cláudia,"
            " Cristina, Daniela, Filipa, Helena, Isabel, Marta, Mónica, Paula, Raquel, Sandra,"
            " Sara, Susana, Tânia, Vânia",
            "José, João, Rui, Nuno, Tiago, Sérgio, André, Bruno, Carlos, Daniel, Fernando,"
            " Filipe, Hugo, Jorge, Luís, Marco, Mário, Miguel, Paulo, Pedro, Ricardo, Vítor",
        ),
        young=(
            "Beatriz, Inês, Sofia, Leonor, Matilde, Lara, Maria, Carolina, Mariana, Ana,"
            " Francisca, Margarida, Alice, Clara, Laura, Diana, Joana, Rita, Madalena, Íris,"
            " Luana",
            "João, Tiago, Rodrigo, Martim, Santiago, Tomás, Afonso, Duarte, Francisco, Gabriel,"
            " Gonçalo, Guilherme, Lourenço, Miguel, Pedro, Rafael, Salvador, Simão, Vasco,"
            " Diogo, Bernardo, Dinis",
        ),
    ),
    surnames=sn.PORTUGUESE,
    surname_zipf=(0.9, 2.0),
    takes_husbands_name=0.6,
    english_first_names=0.1,
)

ARAB_KURDISH = Heritage(
    key="arab_kurdish",
    weight=15,
    decades=_generations(
        older=(
            "Fatima, Zahra, Aisha, Khadija, Amina, Safiya, Nawal, Samia, Layla, Fatma,"
            " Hatice, Ayşe",
            "Abdullah, Mahmoud, Abdulrahman, Hamad, Hassan, Hussein, Ibrahim, Jasim, Khalil,"
            " Mohammed, Salih, Yusuf, Rashid, Mehmet, Ahmet, Osman",
        ),
        adults=(
            "Rania, Dalia, Leila, Shirin, Huda, Nasrin, Amal, Asma, Dina, Eman, Farah, Ghada,"
            " Hala, Hiba, Lamia, Manal, Mona, Nadia, Rana, Reem, Samira, Suha, Wafa, Zainab,"
            " Avin, Bahar, Gulistan, Nazdar, Tara, Ayşe, Emine, Fatma, Hatice, Zehra",
            "Mohamed, Ahmad, Khalid, Karwan, Hassan, Saman, Mohammad, Abdullah, Adel, Ali,"
            " Bashar, Fadi, Firas, Hamid, Hussein, Ibrahim, Jamal, Kamal, Mahmoud, Mazen,"
            " Nabil, Omar, Rami, Samir, Tarek, Walid, Yasser, Aram, Dara, Hemin, Kawa,"
            " Rebwar, Shwan, Sirwan, Ahmet, Mehmet, Mustafa, Hasan, Hüseyin, Murat",
        ),
        young=(
            "Maryam, Lana, Sidra, Rania, Hana, Shilan, Noor, Aya, Layan, Lina, Malak, Mira,"
            " Nour, Rahaf, Rima, Salma, Sara, Yasmin, Zeinab, Dilan, Hevin, Rojin, Zilan, Elif,"
            " Zeynep, Ela, Defne, Ayla, Ecrin, Eylül, Esra",
            "Omar, Yousef, Mohamed, Karim, Rebin, Adam, Ali, Ahmad, Amir, Ayman, Hamza,"
            " Hussein, Ibrahim, Jad, Khaled, Mahmoud, Mustafa, Rayan, Sami, Tariq, Yahya, Zaid,"
            " Aras, Dilshad, Hawre, Rawand, Soran, Yusuf, Emir, Eymen, Kerem, Mert, Emre",
        ),
    ),
    surnames=sn.ARAB_KURDISH,
    surname_zipf=(0.8, 3.0),
    takes_husbands_name=0.2,
)

HERITAGES: tuple[Heritage, ...] = (
    WHITE_BRITISH,
    IRISH,
    PAKISTANI,
    INDIAN,
    SIKH,
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
    "Samuel": ("Sam",),
    "Benjamin": ("Ben", "Benji"),
    "Joseph": ("Joe", "Joey"),
    "Joshua": ("Josh",),
    "Nicholas": ("Nick", "Nicky"),
    "Andrew": ("Andy", "Drew"),
    "Oliver": ("Ollie",),
    "Theodore": ("Teddy", "Theo"),
    "Zachary": ("Zac", "Zack"),
    "David": ("Dave", "Davey"),
    "Peter": ("Pete",),
    "Philip": ("Phil",),
    "Timothy": ("Tim",),
    "Gregory": ("Greg",),
    "Raymond": ("Ray",),
    "Terence": ("Terry",),
    "Lawrence": ("Laurie", "Larry"),
    "Leonard": ("Len", "Lenny"),
    "Ronald": ("Ron", "Ronnie"),
    "Donald": ("Don",),
    "Gerald": ("Gerry",),
    "Deborah": ("Debbie", "Debs"),
    "Catherine": ("Cathy", "Kate"),
    "Kathleen": ("Kath", "Kathy"),
    "Christine": ("Chris", "Chrissie"),
    "Gillian": ("Gill", "Gilly"),
    "Pamela": ("Pam",),
    "Valerie": ("Val",),
    "Josephine": ("Jo", "Josie"),
    "Joanne": ("Jo",),
    "Isabella": ("Bella", "Izzy"),
    "Isabelle": ("Izzy",),
    "Abigail": ("Abbie", "Abi"),
    "Eleanor": ("Ellie", "Nell"),
    "Florence": ("Flo", "Florrie"),
    "Dorothy": ("Dot", "Dolly"),
    "Caroline": ("Caz",),
    "Amanda": ("Mandy",),
    "Alexandra": ("Alex", "Lexi"),
    "Francesca": ("Frankie",),
    "Siobhán": ("Shiv",),
    "Oluwatobi": ("Tobi",),
    "Chukwuemeka": ("Emeka",),
    "Aleksander": ("Olek",),
    "Krzysztof": ("Krzys",),
    "Mateusz": ("Mati",),
    "Abdirahman": ("Abdi",),
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
